/** Reads the tables of a report back as text cells, as a person checking the numbers would. */

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** The text of an HTML fragment: tags dropped, the five escapes undone. */
export const textOf = (html: string): string =>
  html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);

/** A table's body and footer rows, each as its cells' text; throws when the page has no table `id`. */
export const tableRows = (html: string, id: string): { body: string[][]; footer: string[][] } => {
  const match = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(html);
  if (match === null) throw new Error(`no table #${id}`);
  const rowsOf = (section: string | undefined): string[][] =>
    [...(section ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
      [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => textOf(cell[1] ?? '')),
    );
  const table = match[1] ?? '';
  return {
    body: rowsOf(/<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1]),
    footer: rowsOf(/<tfoot>([\s\S]*?)<\/tfoot>/.exec(table)?.[1]),
  };
};
