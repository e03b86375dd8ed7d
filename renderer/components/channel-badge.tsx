import { CHANNELS, type Channel } from '../../shared/domain/channel';

const LABELS = new Map<Channel, string>(CHANNELS.map((channel) => [channel.id, channel.label]));

/** The label of a channel, e.g. "Coffee chat". */
export function channelLabel(channel: Channel): string {
  return LABELS.get(channel) ?? channel;
}

/** A small coloured tag naming a note's channel. */
export function ChannelBadge({ channel }: { readonly channel: Channel }) {
  return (
    <span className="channel-badge" data-channel={channel}>
      {channelLabel(channel)}
    </span>
  );
}
