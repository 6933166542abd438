import { EVENT_KIND_LABELS } from '@app/events';
import { TASK_RESULT_LABELS } from '@app/planning';
import { slavic } from './plural';
import { capitalize, clause, endSentence, listOf, lowerFirst } from './text';
import type { ChangeWording, NetworkKindWords, Wording } from './wording';

/** The kinds of network in words; the short noun is what a text calls it ("до складу округу"). */
const KINDS: Record<string, NetworkKindWords> = {
  'educational-district': { label: 'освітній округ', genitive: 'освітнього округу', short: 'округ', shortGenitive: 'округу' },
  'council-of-heads': { label: 'рада керівників', genitive: 'ради керівників', short: 'рада', shortGenitive: 'ради' },
  partnership: { label: 'мережева взаємодія', genitive: 'мережевої взаємодії', short: 'мережа', shortGenitive: 'мережі' },
  other: { label: 'мережеве об’єднання', genitive: 'мережевого об’єднання', short: 'об’єднання', shortGenitive: 'об’єднання' },
};
const kindOf = (kind: string): NetworkKindWords => KINDS[kind] ?? KINDS.other;

/** The nouns a network's name is built on, and their genitive. */
const NOUNS: Record<string, string> = {
  округ: 'округу',
  рада: 'ради',
  мережа: 'мережі',
  'об’єднання': 'об’єднання',
  "об'єднання": "об'єднання",
  центр: 'центру',
  кластер: 'кластера',
  асоціація: 'асоціації',
  партнерство: 'партнерства',
};
/** Words a name begins with that are not part of a proper name: written in lower case inside a sentence ("роботи освітнього округу НВК № 11"). */
const COMMON = new Set(['освітній', 'шкільний', 'методичний', 'мережевий', 'ресурсний', 'опорний', 'базовий', 'міжшкільний', 'окружний', ...Object.keys(NOUNS)]);

const CONSONANT = 'бвгґджзклмнпрстфхцчшщ';

/** The genitive of an adjective by its ending (masculine, feminine, neuter); null for a word that is not one. */
const adjectiveGenitive = (word: string): string | null => {
  const w = word.toLocaleLowerCase();
  if (w.endsWith('ий')) return `${word.slice(0, -2)}ого`;
  if (w.endsWith('ій')) return `${word.slice(0, -2)}ього`;
  if (new RegExp(`[${CONSONANT}]а$`).test(w)) return `${word.slice(0, -1)}ої`;
  if (w.endsWith('ня')) return `${word.slice(0, -1)}ьої`;
  if (new RegExp(`[${CONSONANT}]е$`).test(w)) return `${word.slice(0, -1)}ого`;
  if (w.endsWith('нє')) return `${word.slice(0, -1)}ього`;
  return null;
};

/**
 * A network's name in the genitive, as "роботи …" needs it: a name made of adjectives and the
 * noun of a network ("Освітній округ НВК № 11") is inflected ("освітнього округу НВК № 11");
 * any other name is given whole, in quotes, after its kind ("мережевого об’єднання «…»").
 */
const networkGenitive = (name: string, kind: string): string => {
  const words = name.trim().split(/\s+/);
  const nounAt = words.findIndex((w) => NOUNS[w.toLocaleLowerCase()] !== undefined);
  if (nounAt >= 0 && nounAt <= 3) {
    const adjectives = words.slice(0, nounAt).map(adjectiveGenitive);
    if (adjectives.every((a): a is string => a !== null)) {
      const noun = words[nounAt];
      const genitive = NOUNS[noun.toLocaleLowerCase()];
      const out = [...adjectives, noun === noun.toLocaleLowerCase() ? genitive : capitalize(genitive), ...words.slice(nounAt + 1)];
      if (COMMON.has(words[0].toLocaleLowerCase())) out[0] = out[0].charAt(0).toLocaleLowerCase() + out[0].slice(1);
      return out.join(' ');
    }
  }
  return `${kindOf(kind).genitive} «${name}»`;
};

const change = (networkKind: string, c: ChangeWording): string => {
  const g = kindOf(networkKind).shortGenitive;
  const names = c.names.join(', ');
  const several = c.names.length > 1;
  const enters = several ? 'входять' : 'входить';
  const asPartner = c.role === 'partner' ? (several ? ' на правах партнерів' : ' на правах партнера') : '';
  const joins = `З ${c.on} до складу ${g} ${enters} ${names}${asPartner}`;
  const leaves = `З ${c.on} ${names} не ${enters} до складу ${g}`;
  switch (c.change) {
    case 'admitted':
      return joins;
    case 'left':
      return leaves;
    case 'transferred-in':
      return `${joins} (перехід з ${c.otherNetwork})`;
    case 'transferred-out':
      return `${leaves} (перехід до складу ${c.otherNetwork})`;
    case 'merged':
      return c.direction === 'in' ? `${joins} (унаслідок приєднання ${c.otherNetwork})` : `${leaves} (унаслідок об’єднання, до складу ${c.otherNetwork})`;
    case 'split':
      return c.direction === 'in' ? `${joins} (унаслідок виокремлення з ${c.otherNetwork})` : `${leaves} (унаслідок виокремлення ${c.otherNetwork})`;
    case 'role-changed': {
      const as = c.role === 'partner' ? (several ? 'на правах партнерів' : 'на правах партнера') : several ? 'як учасники' : 'як учасник';
      return `З ${c.on} ${names} ${several ? 'беруть' : 'бере'} участь у роботі ${g} ${as}`;
    }
    case 'anchor-set':
      return `З ${c.on} ${c.role} ${g} – ${names}`;
    case 'head-appointed': {
      const head = c.head!;
      const position = lowerFirst(clause(head.position));
      if (head.name) return `З ${c.on} ${kindOf(networkKind).short} очолює ${head.name} (${position})`;
      return `З ${c.on} призначено керівника ${g} (${position})${head.erased ? '; його персональні дані видалено на запит' : ''}`;
    }
    case 'renamed':
      return `З ${c.on} ${kindOf(networkKind).short} має назву «${c.newName}»`;
    default:
      return `З ${c.on}: ${names}`;
  }
};

export const uk: Wording = {
  language: 'uk',
  quote: (text) => `«${text}»`,
  networkKind: kindOf,
  networkGenitive,
  labels: (networkKind) => {
    const g = kindOf(networkKind).shortGenitive;
    return {
      anchor: 'Опорний заклад освіти',
      composition: `Склад ${g}`,
      changes: `Зміни у складі ${g}`,
      theme: 'Методична тема',
      goal: 'Мета діяльності',
      tasks: 'Завдання',
      activityKinds: 'Види діяльності',
      projects: 'Мережеві проєкти',
      agreements: 'Угоди про співпрацю',
      eventsHeld: 'Проведені заходи',
      notHeld: 'Заплановані, але не проведені заходи',
      participation: 'Учасники заходів',
      eventsByKind: 'Заходи за видами',
      outside: `Співпраця із закладами, які не є членами ${g}`,
      publications: `Висвітлення роботи ${g}`,
      taskResults: 'Виконання завдань',
      conclusions: 'Висновок',
      assessment: 'Оцінка роботи',
      problems: 'Проблеми',
      nextYear: 'Завдання на наступний рік',
      signature: `Керівник ${g}`,
    };
  },
  title: (network, period) => `Аналіз роботи ${network} за ${period}`,
  anchorRole: () => 'опорний заклад освіти',
  memberRole: (role) => (role === 'partner' ? 'партнер' : 'учасник'),
  composition: (networkKind, members, partners) => {
    const g = kindOf(networkKind).shortGenitive;
    if (!members.length && !partners.length) return '';
    if (!members.length) return endSentence(`Партнери ${g}: ${partners.join(', ')}`);
    return endSentence(`Склад ${g}: ${members.join(', ')}${partners.length ? `; партнери: ${partners.join(', ')}` : ''}`);
  },
  change,
  eventKinds: {
    seminar: slavic('семінар', 'семінари', 'семінарів'),
    'practice-oriented-seminar': slavic('практико-орієнтований семінар', 'практико-орієнтовані семінари', 'практико-орієнтованих семінарів'),
    'master-class': slavic('майстер-клас', 'майстер-класи', 'майстер-класів'),
    conference: slavic('конференція', 'конференції', 'конференцій'),
    'research-practical-conference': slavic('науково-практична конференція', 'науково-практичні конференції', 'науково-практичних конференцій'),
    'council-meeting': slavic('засідання ради', 'засідання ради', 'засідань ради'),
    'open-door-day': slavic('день відкритих дверей', 'дні відкритих дверей', 'днів відкритих дверей'),
    'olympiad-stage': slavic('етап олімпіади', 'етапи олімпіади', 'етапів олімпіади'),
    contest: slavic('конкурс', 'конкурси', 'конкурсів'),
    forum: slavic('форум', 'форуми', 'форумів'),
    'round-table': slavic('круглий стіл', 'круглі столи', 'круглих столів'),
    webinar: slavic('вебінар', 'вебінари', 'вебінарів'),
    consultation: slavic('консультація', 'консультації', 'консультацій'),
    'joint-methodological-meeting': slavic(
      'спільне засідання методичних об’єднань',
      'спільні засідання методичних об’єднань',
      'спільних засідань методичних об’єднань',
    ),
    'subject-week': slavic('предметний тиждень', 'предметні тижні', 'предметних тижнів'),
    'pedagogical-council': slavic('педагогічна рада (консиліум)', 'педагогічні ради (консиліуми)', 'педагогічних рад (консиліумів)'),
    'open-lessons': slavic('відкритий урок', 'відкриті уроки', 'відкритих уроків'),
    excursion: slavic('екскурсія', 'екскурсії', 'екскурсій'),
    course: slavic('курс', 'курси', 'курсів'),
    other: slavic('інший захід', 'інші заходи', 'інших заходів'),
  },
  categories: {
    pupils: slavic('учень', 'учні', 'учнів'),
    preschoolers: slavic('вихованець закладу дошкільної освіти', 'вихованці закладів дошкільної освіти', 'вихованців закладів дошкільної освіти'),
    teachers: slavic('педагогічний працівник', 'педагогічні працівники', 'педагогічних працівників'),
    heads: slavic('керівник закладу освіти', 'керівники закладів освіти', 'керівників закладів освіти'),
    'deputy-heads': slavic('заступник керівника', 'заступники керівників', 'заступників керівників'),
    parents: slavic('представник батьків', 'представники батьків', 'батьків'),
    students: slavic('студент', 'студенти', 'студентів'),
    others: slavic('інший учасник', 'інші учасники', 'інших учасників'),
  },
  eventKind: (kind) => capitalize(EVENT_KIND_LABELS[kind].uk),
  format: (mode, platform) => {
    const on = platform ? `, платформа ${platform}` : '';
    if (mode === 'online') return `дистанційно${on}`;
    if (mode === 'hybrid') return `очно й дистанційно${on}`;
    return 'очно';
  },
  forWhom: 'для',
  audience: (categories, networks) => {
    if (categories.length && networks.length) return `для ${listOf(categories, 'і')} ${listOf(networks, 'і')}`;
    if (categories.length || networks.length) return `для ${listOf([...categories, ...networks], 'і')}`;
    return '';
  },
  hosts: (names) => (names.length > 1 ? `бази проведення – ${names.join(', ')}` : `база проведення – ${names[0]}`),
  outsideMark: (networkKind) => `не входить до складу ${kindOf(networkKind).shortGenitive}`,
  participants: (parts) => `Учасники – ${parts.join(', ')}.`,
  outcome: (text) => `Результат: ${lowerFirst(clause(text))}.`,
  itemStatus: (status) => ({ cancelled: 'скасовано', postponed: 'перенесено', 'carried-over': 'перенесено на наступний рік', 'not-held': 'не проведено' })[status],
  notHeld: (line, status, reason) => `${line}: ${status}${reason ? ` – ${lowerFirst(clause(reason))}` : ''}.`,
  outside: (name, hosted, tookPart) =>
    `${name}: ${[hosted.length ? `база проведення – ${hosted.join(', ')}` : '', tookPart.length ? `участь – ${tookPart.join(', ')}` : ''].filter(Boolean).join('; ')}.`,
  publication: (title, url) => (title ? `${clause(title)} – ${url}` : url),
  project: (name, goal, partners, events) =>
    endSentence(
      [`Проєкт «${name}»`, goal ? `мета – ${lowerFirst(clause(goal))}` : '', partners.length ? `партнери – ${partners.join(', ')}` : '', events.length ? `заходи – ${events.join(', ')}` : '']
        .filter(Boolean)
        .join('; '),
    ),
  agreement: (a) =>
    endSentence(
      [
        `Угода${a.number ? ` № ${a.number}` : ''}${a.signedOn ? ` від ${a.signedOn}` : ''} «${clause(a.subject)}»`,
        a.parties.length ? `сторони – ${a.parties.join(', ')}` : '',
        a.validUntil ? `строк дії – до ${a.validUntil}` : '',
      ]
        .filter(Boolean)
        .join('; '),
    ),
  taskResults: { done: TASK_RESULT_LABELS.done.uk, 'partly-done': TASK_RESULT_LABELS['partly-done'].uk, 'not-done': TASK_RESULT_LABELS['not-done'].uk },
  taskResult: (number, task, result, reason) => `${number}. ${capitalize(clause(task))} – ${result}${reason ? ` (${lowerFirst(clause(reason))})` : ''}.`,
  assessment: (networkKind, label, comment) => `Оцінка роботи ${kindOf(networkKind).shortGenitive}: ${label}${comment ? `, ${lowerFirst(clause(comment))}` : ''}.`,
  nextYearTitle: (period) => `Завдання на ${period}`,
  charts: { eventsByKind: 'Заходи за видами', participation: 'Учасники за категоріями', fulfilment: 'Виконання плану' },
  fulfilmentBars: { held: 'проведено', cancelled: 'скасовано', postponed: 'перенесено', 'carried-over': 'перенесено на наступний рік', 'not-held': 'не проведено', pending: 'заплановано' },
};
