// What a reader sees of each post date: the byline's two forms, the badge, the
// archive month and the citation, computed in the time zone of this process.
import { citation, formatDateBadge, formatIsoDate, formatPostDate, groupArchive, parsePostDate } from 'sciblog-elements/core';

const post = (date) => ({ id: 'p', url: 'https://example.org/p', title: 'T', date, authors: [{ name: 'A' }], tags: [] });

export function shownDays(dates, options = {}) {
  return dates.map((date) => {
    const [year] = groupArchive([post(date)], options);
    return {
      date,
      iso: formatIsoDate(date, options),
      long: formatPostDate(date, 'en', options),
      badge: formatDateBadge(date, 'en', options)?.label,
      archive: year ? `${year.year}-${String(year.months[0].month).padStart(2, '0')}` : undefined,
      citation: /\((\d{4}, \w+ \d+)\)/.exec(citation(post(date), { style: 'text', locale: 'en', ...options }))?.[1],
    };
  });
}

export function instants(dates, options = {}) {
  return dates.map((date) => parsePostDate(date, options)?.toISOString());
}

/** The zone this process runs in, to be sure TZ took effect. */
export const runtimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
