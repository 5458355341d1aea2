import { describe, expect, it } from 'vitest';
import { agentProfileOf, commentIdOf, COMMENT_MAX_LENGTH, privateCommentBody, profileList, toDeskProfile } from '../../../src/host/profiles';
import { createSandboxHost } from '../../../src/sandbox/desk/sandboxHost';
import { DESK_FIXTURES } from '../../../src/sandbox/desk/deskFixtures';

const admin = { id: '11', name: 'Administrator', type: 'Administrator', isAdmin: true };
const agent = { id: '12', name: 'Agent', type: 'Standard', isAdmin: false };

describe('profileList: every plausible list shape', () => {
  const rows = [
    { id: '11', name: 'Administrator', type: 'Administrator', default: true, isVisible: true },
    { id: '12', name: 'Agent', type: 'Standard' },
  ];
  it.each([
    ['{data:[…]} (Desk lists)', { data: rows }],
    ['a bare array', rows],
    ['{profiles:[…]}', { profiles: rows }],
    ['JSON text', JSON.stringify({ data: rows })],
    ['data as JSON text', { data: JSON.stringify(rows) }],
    ['{data:{profiles:[…]}}', { data: { profiles: rows } }],
  ])('reads %s', (_label, answer) => {
    expect(profileList(answer)).toEqual([admin, agent]);
  });

  it('drops rows with neither id nor name, de-duplicates ids, reads profileId/profileName', () => {
    expect(
      profileList({ data: [{ profileId: 12, profileName: 'Agent', profileType: 'Standard' }, { id: '12', name: 'Again' }, { foo: 1 }, null, 'x'] }),
    ).toEqual([agent]);
  });

  it('is empty for answers that are not a list', () => {
    for (const answer of [null, undefined, '', 'nope', 42, {}, { data: null }, { data: 'x' }]) expect(profileList(answer)).toEqual([]);
  });

  it('a profile with a name only is keyed by that name; administrator is matched on name or type, any case', () => {
    expect(toDeskProfile({ name: 'Support Lead' })).toEqual({ id: 'name:Support Lead', name: 'Support Lead', type: null, isAdmin: false });
    expect(toDeskProfile({ id: '9', name: 'Chefs', type: 'ADMINISTRATOR' })?.isAdmin).toBe(true);
    expect(toDeskProfile({ id: '9', name: ' administrator ' })?.isAdmin).toBe(true);
    expect(toDeskProfile({ id: '9', name: 'Administrators' })?.isAdmin).toBe(false);
  });
});

describe('agentProfileOf: the acting agent', () => {
  it.each([
    ['the nested profile (include=profile)', { id: '1', profileId: '11', profile: { id: '11', name: 'Administrator', type: 'Administrator' } }, admin],
    ['the profile as JSON text', { id: '1', profile: JSON.stringify({ id: '12', name: 'Agent', type: 'Standard' }) }, agent],
    ['flat profileId/profileName/profileType', { id: '1', profileId: '12', profileName: 'Agent', profileType: 'Standard' }, agent],
    ['profileId only (include not honoured)', { id: '1', profileId: 12 }, { id: '12', name: '', type: null, isAdmin: false }],
    ['a nested profile without id, with profileId beside it', { profileId: '12', profile: { name: 'Agent' } }, { id: '12', name: 'Agent', type: null, isAdmin: false }],
    ['rolePermissionType Admin', { profileId: '30', profile: { id: '30', name: 'Owners' }, rolePermissionType: 'Admin' }, { id: '30', name: 'Owners', type: null, isAdmin: true }],
  ])('reads %s', (_label, record, expected) => {
    expect(agentProfileOf(record)).toEqual(expected);
  });

  it('is null when the record names no profile', () => {
    for (const record of [null, 'x', {}, { id: '1', name: 'Priya' }, { profile: null }]) expect(agentProfileOf(record)).toBeNull();
  });
});

describe('ticket comments', () => {
  it('the body is private plain text and stays within Desk’s 32,000 characters', () => {
    expect(privateCommentBody('Cancelled.')).toEqual({ content: 'Cancelled.', isPublic: false, contentType: 'plainText' });
    const long = privateCommentBody('x'.repeat(40_000));
    expect(long.content).toHaveLength(COMMENT_MAX_LENGTH);
    expect(long.content.endsWith('…')).toBe(true);
  });

  it('reads the comment id from {id}, {commentId} or {data:{id}}', () => {
    expect(commentIdOf({ id: '5' })).toBe('5');
    expect(commentIdOf({ commentId: 6 })).toBe('6');
    expect(commentIdOf(JSON.stringify({ data: { id: '7' } }))).toBe('7');
    expect(commentIdOf({})).toBeNull();
    expect(commentIdOf(null)).toBeNull();
  });
});

describe('through the real adapter and the fake Desk', () => {
  it('lists the portal’s profiles and the acting agent’s profile', async () => {
    const { host } = await createSandboxHost({ isAdmin: false });
    const profiles = await host.profiles();
    expect(profiles.ok && profiles.value.map((p) => p.name)).toEqual(['Administrator', 'Agent', 'Support Manager', 'Light Agent']);
    const me = await host.agentProfile();
    expect(me.ok && me.value).toMatchObject({ name: 'Agent', isAdmin: false });
    const adminHost = await createSandboxHost({ isAdmin: true });
    const mine = await adminHost.host.agentProfile();
    expect(mine.ok && mine.value).toMatchObject({ name: 'Administrator', isAdmin: true });
  });

  it('adds a private plain-text comment with the orgId header, and reports Desk’s refusal', async () => {
    const { host, sandbox, sim } = await createSandboxHost({ location: 'ticket' });
    const ticketId = DESK_FIXTURES.singleMatchTicketId;
    const added = await host.addTicketComment(ticketId, 'Billing: cancelled at the end of the term.');
    expect(added.ok && added.value.id).toMatch(/^\d+$/);
    expect(sandbox.desk.comments).toEqual([
      expect.objectContaining({ ticketId, content: 'Billing: cancelled at the end of the term.', isPublic: false, contentType: 'plainText' }),
    ]);
    const sent = sim.log.requests.at(-1) as { type: string; headers: Record<string, string>; postBody: unknown };
    expect(sent.type).toBe('POST');
    expect(sent.headers.orgId).toBe(sandbox.desk.portalId);
    expect(sent.postBody).toEqual({ content: 'Billing: cancelled at the end of the term.', isPublic: false, contentType: 'plainText' });

    sandbox.desk.commentsFail = true;
    const refused = await host.addTicketComment(ticketId, 'again');
    expect(refused.ok).toBe(false);
    expect(sandbox.desk.comments).toHaveLength(1);
  });
});
