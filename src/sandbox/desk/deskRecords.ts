/**
 * The sandbox's Desk records, shaped like what the SDK's get('ticket'|'contact'|'account') and the Desk
 * REST API return (desk-sdk.md §2): the types deskData.ts builds and the fake Desk API serves.
 */
export interface DeskTicketRecord {
  id: string;
  number: string;
  subject: string;
  description: string;
  email: string;
  phone: string;
  contactId: string;
  contactName: string;
  accountId: string | null;
  accountName: string;
  departmentId: string;
  status: string;
  statusType: string;
  priority: string;
  channel: string;
  classification: string;
  category: string;
  /** Desk sends counts as strings. */
  threadCount: string;
  commentCount: string;
  isSpam: boolean;
  dueDate: string | null;
  createdTime: string;
  modifiedTime: string;
  assigneeId: string;
  assignee: { id: string; name: string };
  webUrl: string;
  language: string;
  cf: Record<string, string | null>;
}

export interface DeskContactRecord {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  secondaryEmail: string | null;
  phone: string | null;
  mobile: string | null;
  accountId: string | null;
  account: { id: string; accountName: string; website: string | null } | null;
  title: string | null;
  type: string | null;
  street: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  country: string | null;
  description: string | null;
  ownerId: string;
  createdTime: string;
  modifiedTime: string;
  webUrl: string;
  isAnonymous: boolean;
  customFields: Record<string, string | null>;
  cf: Record<string, string | null>;
}

export interface DeskAccountRecord {
  id: string;
  accountName: string;
  website: string | null;
  phone: string | null;
  email: string | null;
  industry: string | null;
  street: string | null;
  city: string | null;
  state: string | null;
  code: string | null;
  country: string | null;
  description: string | null;
  ownerId: string;
  createdTime: string;
  modifiedTime: string;
  webUrl: string;
  customFields: Record<string, string | null>;
  cf: Record<string, string | null>;
}

export interface DeskAgentRecord {
  id: string;
  firstName: string;
  lastName: string;
  name: string;
  emailId: string;
  status: string;
  isConfirmed: boolean;
  roleId: string;
  profileId: string;
  langCode: string;
  timeZone: string;
  photoURL: string | null;
  associatedDepartmentIds: string[];
  /** What `?include=profile` adds. "Administrator" marks a Desk admin. */
  profile: { id: string; name: string; type: string; default: boolean };
  role: { id: string; name: string };
}

/** A row of `GET /api/v1/profiles` (DESK-OAS Profile: id, name, type, default, isVisible). */
export interface DeskProfileRecord {
  id: string;
  name: string;
  description: string;
  type: 'Administrator' | 'Standard' | 'Light' | 'Portal' | 'Custom';
  default: boolean;
  isVisible: boolean;
}

/** A ticket comment as `POST /api/v1/tickets/{id}/comments` answers it (commentResponse). */
export interface DeskCommentRecord {
  id: string;
  ticketId: string;
  content: string;
  contentType: 'plainText' | 'html';
  isPublic: boolean;
  commenterId: string;
  commentedTime: string;
}

export interface DeskData {
  portalId: string;
  departmentId: string;
  tickets: DeskTicketRecord[];
  contacts: DeskContactRecord[];
  accounts: DeskAccountRecord[];
  agents: DeskAgentRecord[];
  profiles: DeskProfileRecord[];
  /** Every comment added through the Desk API, oldest first (the audit trail of actions). */
  comments: DeskCommentRecord[];
  /** Simulator switch: adding a ticket comment answers Desk's 500 (the action's audit must be retried). */
  commentsFail: boolean;
  /** Who GET /myinfo answers as; the simulator switches it with the admin/agent toggle. */
  currentAgentId: string;
}
