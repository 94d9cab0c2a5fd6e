import { squish } from '../domain/text.ts';

export interface TitleAndSpeakers {
  title: string;
  speakersText: string | null;
}

/**
 * Splits "Title - Speakers" at the last dash that separates them. Titles may contain " - "
 * themselves, and authors sometimes drop the space before the dash ("…in the Cloud- Deepak Bansal").
 * `looksLikeSpeakers` decides whether the tail really is a speaker list.
 */
export function splitTitleAndSpeakers(text: string, looksLikeSpeakers: (tail: string) => boolean): TitleAndSpeakers {
  const cleaned = squish(text);
  const separators = [...cleaned.matchAll(/\s?[-–—|]\s|\s+by\s+/g)];
  for (let i = separators.length - 1; i >= 0; i--) {
    const sep = separators[i]!;
    const index = sep.index ?? 0;
    const title = cleaned.slice(0, index).trim();
    const tail = cleaned.slice(index + sep[0].length).trim();
    // The colon or dash left dangling before the speakers is punctuation ("Data Flow in Go: | Names").
    if (title && tail && looksLikeSpeakers(tail)) return { title: title.replace(/\s*[:;,]$/, ''), speakersText: tail };
  }
  return { title: cleaned, speakersText: null };
}
