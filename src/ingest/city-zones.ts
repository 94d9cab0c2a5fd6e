import { createRequire } from 'node:module';
import { editDistance } from '../domain/edit-distance.ts';

// Cities and their IANA zones, from the `city-timezones` package (its world-cities data set).

export interface CityRecord {
  city: string;
  country: string;
  timezone: string;
  pop: number;
  province?: string;
  state_ansi?: string;
}

interface CityData {
  /** Every city of a name (lower case), most populous first. */
  cities: Map<string, CityRecord[]>;
  /** The most populous city of a state or province (by name or postal code, lower case), or of a country that has one zone only. */
  regions: Map<string, CityRecord>;
}

let cityData: CityData | null = null;

function loadCityData(): CityData {
  if (cityData) return cityData;
  const { cityMapping } = createRequire(import.meta.url)('city-timezones') as { cityMapping: (CityRecord & { city_ascii?: string })[] };
  const cities = new Map<string, CityRecord[]>();
  const regions = new Map<string, CityRecord>();
  const countryZones = new Map<string, Set<string>>();
  const keep = (map: Map<string, CityRecord>, key: string | undefined, record: CityRecord) => {
    if (!key) return;
    const kept = map.get(key.toLowerCase());
    if (!kept || kept.pop < record.pop) map.set(key.toLowerCase(), record);
  };
  for (const record of cityMapping) {
    for (const key of new Set([record.city.toLowerCase(), record.city_ascii?.toLowerCase()])) {
      if (!key) continue;
      const list = cities.get(key) ?? [];
      list.push(record);
      cities.set(key, list);
    }
    keep(regions, record.province, record);
    keep(regions, record.state_ansi, record);
    const zones = countryZones.get(record.country) ?? new Set();
    zones.add(record.timezone);
    countryZones.set(record.country, zones);
  }
  for (const list of cities.values()) list.sort((a, b) => b.pop - a.pop);
  const countries = new Map<string, CityRecord>();
  for (const record of cityMapping) if (countryZones.get(record.country)!.size === 1) keep(countries, record.country, record);
  for (const [key, record] of countries) if (!regions.has(key)) regions.set(key, record);
  cityData = { cities, regions };
  return cityData;
}

/**
 * The IANA zone and country of a city, from the `city-timezones` package (its world-cities data set).
 * A region written after it ("Vancouver, Washington") picks among cities of one name; else the most
 * populous wins ("London" is London, England). Loaded on first use only: most posts name known events.
 */
export function lookUpCity(name: string, region?: string | null): CityRecord | null {
  const list = loadCityData().cities.get(name.trim().toLowerCase());
  if (!list) return null;
  const r = region?.trim().toLowerCase();
  return (r && list.find((c) => [c.province, c.state_ansi, c.country].some((v) => v?.toLowerCase() === r))) || list[0]!;
}

/**
 * A city the data set does not know, placed by the region written after it ("Sunnyvale, California",
 * "Irving, TX"): its zone is that of the region's most populous city (a state or province, or a country
 * with a single zone). The city keeps its name as written.
 */
export function lookUpCityInRegion(name: string, region: string): CityRecord | null {
  const place = loadCityData().regions.get(region.trim().toLowerCase());
  return place ? { ...place, city: name.trim(), pop: 0 } : null;
}

/** Smallest population of a city read from a name spelled otherwise: only cities a post would name. */
const SPELLED_OTHERWISE_MIN_POPULATION = 100_000;

let populousByPrefix: Map<string, Array<[string, CityRecord[]]>> | null = null;

/** The populous cities' names by their first three letters (built on first use). */
function populousCitiesByPrefix(): Map<string, Array<[string, CityRecord[]]>> {
  if (populousByPrefix) return populousByPrefix;
  populousByPrefix = new Map();
  for (const [name, list] of loadCityData().cities) {
    if (list[0]!.pop < SPELLED_OTHERWISE_MIN_POPULATION) continue;
    const prefix = name.slice(0, 3);
    const kept = populousByPrefix.get(prefix) ?? [];
    kept.push([name, list]);
    populousByPrefix.set(prefix, kept);
  }
  return populousByPrefix;
}

/**
 * A city the data set writes in its own language, named in English ("Nuremberg" for Nürnberg, ascii
 * Nurnberg): a populous city whose name starts with the same three letters and is at most two edits away
 * (the most populous of the nearest). Single words of six letters or more only.
 */
function lookUpCitySpelledOtherwise(name: string): CityRecord | null {
  const key = name.trim().toLowerCase();
  if (key.length < 6 || !/^\p{L}+$/u.test(key)) return null;
  let best: CityRecord | null = null;
  let bestDistance = 3;
  for (const [other, list] of populousCitiesByPrefix().get(key.slice(0, 3)) ?? []) {
    if (Math.abs(other.length - key.length) > 2) continue;
    const distance = editDistance(key, other);
    if (distance < bestDistance || (distance === bestDistance && best !== null && list[0]!.pop > best.pop)) [best, bestDistance] = [list[0]!, distance];
  }
  return best;
}

/**
 * The city a run of capitalised words starts with: "Berlin, Germany", "Sunnyvale, California", "Irving
 * Texas"; with `spelledOtherwise`, also a lone city name the data set spells in its own language ("Nuremberg").
 */
export function cityOfPlace(place: string, spelledOtherwise = false): CityRecord | null {
  const words = place.split(/,?\s+/).map((w) => w.replace(/[.,]$/, ''));
  for (let n = words.length; n > 0; n--) {
    const city = lookUpCity(words.slice(0, n).join(' '), words[n] ?? null);
    if (city) return city;
  }
  // A town the data set does not hold, followed by its state or province.
  for (let n = 1; n < words.length; n++) {
    const region = words.slice(n, n + 2).join(' ');
    const city = lookUpCityInRegion(words.slice(0, n).join(' '), region) ?? lookUpCityInRegion(words.slice(0, n).join(' '), words[n]!);
    if (city) return city;
  }
  return spelledOtherwise && words.length === 1 ? lookUpCitySpelledOtherwise(words[0]!) : null;
}
