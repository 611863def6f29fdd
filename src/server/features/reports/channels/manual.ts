/** By hand: a coordinator delivers the item (a phone call, a form on a website) as the recipient's instructions say. */
import type { Channel } from './channel.js';

export const manualChannel: Channel = {
  async queue(_db, _ctx, _item, recipient) {
    return recipient.manual_instructions;
  },
};
