import { EVENT_KINDS, PARTICIPANT_CATEGORIES } from '@app/events';
import { countText, formFor } from './plural';
import { endSentence, lowerFirst, sentence } from './text';
import { wordingFor } from './wording';

describe('wording', () => {
  describe('plural forms, by Intl.PluralRules', () => {
    const uk = wordingFor('uk');
    const ru = wordingFor('ru');
    const en = wordingFor('en');

    it('given Ukrainian, then one, few and many: 1, 21 семінар; 2–4, 22 семінари; 5–20, 25, 0 семінарів', () => {
      expect([1, 2, 3, 4, 5, 11, 12, 14, 20, 21, 22, 25, 0, 101, 111].map((n) => countText(n, uk.eventKinds.seminar, 'uk'))).toEqual([
        '1 семінар',
        '2 семінари',
        '3 семінари',
        '4 семінари',
        '5 семінарів',
        '11 семінарів',
        '12 семінарів',
        '14 семінарів',
        '20 семінарів',
        '21 семінар',
        '22 семінари',
        '25 семінарів',
        '0 семінарів',
        '101 семінар',
        '111 семінарів',
      ]);
    });

    it('given Russian, then one, few and many: 1 семинар, 3 семинара, 5 семинаров; the categories too', () => {
      expect([1, 3, 5, 11, 21, 22].map((n) => countText(n, ru.eventKinds.seminar, 'ru'))).toEqual(['1 семинар', '3 семинара', '5 семинаров', '11 семинаров', '21 семинар', '22 семинара']);
      expect([1, 2, 14].map((n) => countText(n, ru.categories.teachers, 'ru'))).toEqual(['1 педагогический работник', '2 педагогических работника', '14 педагогических работников']);
      expect([1, 4, 5].map((n) => countText(n, ru.eventKinds['research-practical-conference'], 'ru'))).toEqual([
        '1 научно-практическая конференция',
        '4 научно-практические конференции',
        '5 научно-практических конференций',
      ]);
    });

    it('given English, then one and other', () => {
      expect([1, 2, 21].map((n) => countText(n, en.eventKinds['master-class'], 'en'))).toEqual(['1 master class', '2 master classes', '21 master classes']);
      expect(formFor(1, en.categories.heads, 'en')).toBe('head of an institution');
    });

    it('given any language, then every kind of event and every category has its forms', () => {
      for (const language of ['uk', 'ru', 'en'] as const) {
        const w = wordingFor(language);
        for (const kind of EVENT_KINDS) for (const n of [1, 3, 5]) expect(formFor(n, w.eventKinds[kind], language)).toMatch(/\S/);
        for (const category of PARTICIPANT_CATEGORIES) for (const n of [1, 3, 5]) expect(formFor(n, w.categories[category], language)).toMatch(/\S/);
      }
    });
  });

  describe('a network named after "роботи …" / "работе …"', () => {
    it('given a name of adjectives and a network noun, then it is inflected, a common first word in lower case', () => {
      const ru = wordingFor('ru');
      expect(ru.networkGenitive('Школьный округ № 3', 'educational-district')).toBe('школьного округа № 3');
      expect(ru.networkGenitive('Центральный образовательный округ', 'educational-district')).toBe('Центрального образовательного округа');
      expect(ru.networkGenitive('Образовательный округ № 1', 'educational-district')).toBe('образовательного округа № 1');
      expect(ru.networkGenitive('Верхний методический совет', 'council-of-heads')).toBe('Верхнего методического совета');
      expect(ru.networkGenitive('Северная сеть', 'partnership')).toBe('Северной сети');
      const uk = wordingFor('uk');
      expect(uk.networkGenitive('Освітній округ НВК № 11', 'educational-district')).toBe('освітнього округу НВК № 11');
      expect(uk.networkGenitive('Центральний освітній округ', 'educational-district')).toBe('Центрального освітнього округу');
      expect(uk.networkGenitive('Рада керівників ліцеїв', 'council-of-heads')).toBe('ради керівників ліцеїв');
      expect(uk.networkGenitive('Міська освітня мережа', 'partnership')).toBe('Міської освітньої мережі');
    });

    it('given any other name, then it is given whole, in quotes, after its kind', () => {
      expect(wordingFor('ru').networkGenitive('ЦРО Ремонтненского района', 'other')).toBe('сетевого объединения «ЦРО Ремонтненского района»');
      expect(wordingFor('uk').networkGenitive('Округ-2021 «Північ»', 'educational-district')).toBe('освітнього округу «Округ-2021 «Північ»»');
      expect(wordingFor('en').networkGenitive('North District', 'educational-district')).toBe('North District');
    });
  });

  describe('sentences', () => {
    it('then a free text put in a sentence loses its capital unless it is an abbreviation, and one full stop ends it', () => {
      expect(lowerFirst('Руководитель округа')).toBe('руководитель округа');
      expect(lowerFirst('МБОУ Мурыгинская СШ')).toBe('МБОУ Мурыгинская СШ');
      expect(sentence('за ініціативою закладу')).toBe('За ініціативою закладу.');
      expect(endSentence('до 31 серпня 2023 р.')).toBe('до 31 серпня 2023 р.');
      expect(endSentence('до 31 August 2023')).toBe('до 31 August 2023.');
    });
  });
});
