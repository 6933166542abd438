import type { InstitutionProfile } from '../../institution-profile/institution-profile.model';
import type { LayoutContent, LayoutPart, ReportLayout } from '../layout';

/**
 * The institution profile's built-in layout, on an upright page: the title, the institution's
 * full name and settlement (and when it closed) under it; its former names; its stays in networks,
 * oldest first; the days its events were asked for, when they were; the events it hosted and those
 * it only took part in, each numbered in date order; the events counted by kind; the report's
 * date. A part with nothing to say is left out, heading and all.
 */
export const institutionProfileLayout = (profile: InstitutionProfile): ReportLayout => {
  const { labels } = profile;
  const parts: LayoutPart[] = [];
  const part = (key: string, heading: string | null, content: LayoutContent | null): void => {
    if (content) parts.push({ key, heading, content: [content] });
  };
  const bullets = (items: readonly { text: string }[]): LayoutContent | null => (items.length > 0 ? { type: 'bullets', items: items.map((i) => i.text) } : null);
  const numbered = (items: readonly { text: string }[]): LayoutContent | null =>
    items.length > 0 ? { type: 'numbered', items: items.map((item, i) => ({ number: i + 1, text: item.text })) } : null;

  part('names', labels.names, bullets(profile.names));
  part('networks', labels.networks, bullets(profile.networks));
  part('period', null, profile.basis.periodText ? { type: 'paragraph', text: profile.basis.periodText } : null);
  part('hosted', labels.hosted, numbered(profile.hosted));
  part('tookPart', labels.tookPart, numbered(profile.tookPart));
  part('eventsByKind', labels.eventsByKind, bullets(profile.eventsByKind));
  return {
    language: profile.language,
    page: 'portrait',
    title: profile.title,
    subtitle: profile.institution.text || null,
    parts,
    signature: { position: null, name: null, date: profile.basis.reportDateText },
  };
};
