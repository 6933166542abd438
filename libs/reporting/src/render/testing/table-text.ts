const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** A table of an HTML page (`data-table="<key>"`), for tests: its rows (the header first), each its cells, each cell its lines, unescaped. */
export const htmlTable = (html: string, key: string): string[][][] => {
  const table = new RegExp(`<table class="grid[^"]*" data-table="${key}">([\\s\\S]*?)</table>`).exec(html)?.[1];
  if (table === undefined) throw new Error(`no table ${key} on the page`);
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
    [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) =>
      cell === '' ? [] : cell.split('<br>').map((line) => line.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name])),
    ),
  );
};

/** The GFM tables of a Markdown text, for tests: each its lines (header, delimiter row, rows). */
export const markdownTables = (markdown: string): string[][] =>
  markdown
    .split(/\n{2,}/)
    .map((block) => block.split('\n'))
    .filter((lines) => lines.length >= 2 && lines.every((line) => line.startsWith('|')) && /^\|[\s:|-]+\|$/.test(lines[1]));

/** A Markdown table's line as its cells, split at the pipes that are not escaped, each trimmed. */
export const markdownCells = (line: string): string[] =>
  line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
