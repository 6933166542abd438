import type { EventFormatMode, EventKind, ParticipantCategory } from '@app/events';
import type { TaskResult } from '@app/planning';
import type { AnnualAnalysisLabel, ReportLanguage } from '../annual-analysis/annual-analysis.model';
import type { CountForms } from './plural';
import { en } from './en';
import { ru } from './ru';
import { uk } from './uk';

/** A network's kind in words: its name ("освітній округ"), in the genitive, and the short noun a text refers to it by ("округ", "округу"). */
export interface NetworkKindWords {
  label: string;
  genitive: string;
  short: string;
  shortGenitive: string;
}

/** A change of the composition as the composer hands it to the wording: everything already named and dated in words. */
export interface ChangeWording {
  /** The model's code: `admitted`, `left`, `transferred-in`, `transferred-out`, `merged`, `split`, `role-changed`, `anchor-set`, `head-appointed`, `renamed`. */
  change: string;
  /** How a move came about (for `transferred-in`/`-out`, `merged`, `split`): in or out of this network. */
  direction: 'in' | 'out' | null;
  /** The day in words ("1 вересня 2019 р."). */
  on: string;
  /** The institutions' names (one or several). */
  names: string[];
  role: string | null;
  /** The other network of a move, as the wording names another network after a genitive ("з освітнього округу …"). */
  otherNetwork: string | null;
  /** A head appointed: the name (null when erased or not known), whether it was erased, the position. */
  head?: { name: string | null; erased: boolean; position: string };
  /** A renaming: the new name. */
  newName?: string;
}

/** What a report needs to say in one language. The composer decides what is said and in what order; this says it. */
export interface Wording {
  language: ReportLanguage;
  /** Opening and closing quotes: «…» (uk, ru), “…” (en). */
  quote(text: string): string;
  networkKind(kind: string): NetworkKindWords;
  /** A network after a word that takes the genitive: "роботи освітнього округу НВК № 11", "работе школьного округа № 3". */
  networkGenitive(name: string, kind: string): string;
  /** The headings and fixed words, for a network of this kind ("Состав округа", "Склад ради"). */
  labels(networkKind: string): Record<AnnualAnalysisLabel, string>;
  /** "Аналіз роботи освітнього округу НВК № 11 за 2019/2020 навчальний рік". */
  title(networkGenitive: string, periodText: string): string;
  /** The anchor's role in words, by the kind of institution it is ("базовая школа", "опорний заклад освіти"). */
  anchorRole(institutionKind: string): string;
  memberRole(role: 'member' | 'partner'): string;
  /** "Состав округа: …; партнёры: …". */
  composition(networkKind: string, members: string[], partners: string[]): string;
  change(networkKind: string, change: ChangeWording): string;
  /** The nouns events are counted with ("3 семінари"). */
  eventKinds: Record<EventKind, CountForms>;
  /** The nouns participants are counted with ("14 педагогических работников"). */
  categories: Record<ParticipantCategory, CountForms>;
  /** The kind's name as a line begins with it ("Семинар"), for a topic that does not name it. */
  eventKind(kind: EventKind): string;
  /** "дистанционно, платформа ZOOM", "очно". */
  format(mode: EventFormatMode, platform: string | null): string;
  /** The word a topic names its audience with ("для", "for"): the audience is then not named again. */
  forWhom: string;
  /** "для руководителей образовательных организаций", "для образовательного округа № 1"; both given: "для педагогических работников образовательного округа № 1". */
  audience(categories: string[], networks: string[]): string;
  /** "база проведения – МБОУ Мурыгинская СШ". */
  hosts(names: string[]): string;
  /** After the name of an institution that is not a member ("(не входит в округ)"). */
  outsideMark(networkKind: string): string;
  /** "Участники – Киевская СОШ, Валуевская СОШ". */
  participants(parts: string[]): string;
  outcome(text: string): string;
  /** What became of a planned event not held. */
  itemStatus(status: 'cancelled' | 'postponed' | 'carried-over' | 'not-held'): string;
  /** "Семинар «…», в марте 2021 г.: отменено – болезнь докладчика". */
  notHeld(line: string, status: string, reason: string | null): string;
  /** "ЗОШ № 1: участие – «…»". */
  outside(name: string, hosted: string[], tookPart: string[]): string;
  publication(title: string | null, url: string): string;
  project(name: string, goal: string | null, partners: string[], events: string[]): string;
  agreement(a: { number: string | null; signedOn: string | null; parties: string[]; subject: string; validUntil: string | null }): string;
  taskResults: Record<TaskResult, string>;
  taskResult(number: number, task: string, result: string, reason: string | null): string;
  /** "Оцінка роботи округу: достатній рівень, потребує удосконалення." */
  assessment(networkKind: string, label: string, comment: string | null): string;
  /** "Завдання на 2020/2021 навчальний рік". */
  nextYearTitle(periodText: string): string;
  charts: { eventsByKind: string; participation: string; fulfilment: string };
  /** The bars of the fulfilment chart: held, cancelled, postponed, carried over, not held, still to come. */
  fulfilmentBars: Record<'held' | 'cancelled' | 'postponed' | 'carried-over' | 'not-held' | 'pending', string>;
}

const WORDINGS: Record<ReportLanguage, Wording> = { uk, ru, en };

export const wordingFor = (language: ReportLanguage): Wording => WORDINGS[language];
