// How the API's codes read to people.

/** HEALTH_SCIENCE as "Health science". */
export function label(value) {
  const words = value.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A meeting's mode in words. */
export function mode(value) {
  return { VIDEO: 'video call', PHONE: 'phone call', IN_PERSON: 'in person' }[value] || value.toLowerCase();
}
