/** The delivery channels by the name a recipient's row gives. */
import type { Channel } from './channel.js';
import { emailChannel } from './email.js';
import { manualChannel } from './manual.js';
import { open311Channel } from './open311.js';

export const channels: Record<string, Channel> = { email: emailChannel, open311: open311Channel, manual: manualChannel };

/** The recipient's channel; one this server does not know is delivered by hand, so nothing is lost. */
export const channelOf = (name: string): Channel => channels[name] ?? manualChannel;
