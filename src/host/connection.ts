/**
 * The Zoho OAuth connection every request goes through. Its link name lives in one place,
 * plugin-manifest.json `zohoAuthorisation` (written by `npm run connection`, see README "Going live"):
 * a name the code kept on its own would silently drift from the connection Desk actually has.
 */
import { zohoAuthorisation } from '../../plugin-manifest.json';

export const CONNECTION_LINK_NAME: string = zohoAuthorisation.connectionLinkName;

/**
 * The scopes the connection asks for (the same manifest entry): a group of actions whose scopes are
 * missing here is not offered, and the settings page and diagnostics name what is missing.
 */
export const CONNECTION_SCOPES: readonly string[] = zohoAuthorisation.scope;
