/**
 * The Zoho OAuth connection every request goes through. Its link name lives in one place,
 * plugin-manifest.json `zohoAuthorisation` (written by `npm run connection`, see README "Going live"):
 * a name the code kept on its own would silently drift from the connection Desk actually has.
 */
import { zohoAuthorisation } from '../../plugin-manifest.json';

export const CONNECTION_LINK_NAME: string = zohoAuthorisation.connectionLinkName;
