// Times are shown in the viewer's own zone, and the zone is always named.

/** The viewer's IANA zone, as the browser knows it. */
export const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** "Tue, Jan 14, 10:00 AM CST" for an instant, in the given zone (the viewer's by default). */
export function when(instant, zone = viewerZone) {
  if (!instant) {
    return '';
  }
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zone,
    timeZoneName: 'short',
  }).format(new Date(instant));
}

/** The zone's name for people: "America/Chicago (CST)". */
export function zoneName(zone = viewerZone) {
  const short = new Intl.DateTimeFormat(undefined, { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(new Date())
    .find((part) => part.type === 'timeZoneName');
  return short ? `${zone} (${short.value})` : zone;
}

/** "in 5 hours", "2 days ago": how far an instant is from now. */
export function relative(instant) {
  const seconds = (new Date(instant).getTime() - Date.now()) / 1000;
  const units = [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === 'minute') {
      return format.format(Math.round(seconds / size), unit);
    }
  }
  return '';
}
