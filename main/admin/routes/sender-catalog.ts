import { senderCatalog } from '../../intake/senders/index.js';
import type { Handlers } from '../typed-route.js';

export function senderCatalogHandlers(): Pick<Handlers, 'listSenders'> {
  return { listSenders: () => senderCatalog() };
}
