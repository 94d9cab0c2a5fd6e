/** FNV-1a over the UTF-16 code units: a 32-bit hash (unsigned), for tables of sightings and counts. */
export function stringHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
