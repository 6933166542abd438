/**
 * The reporting module's public face: the report data models (what every format is rendered
 * from), and, as they are built, the commands, queries and Nest module. Other libraries and the
 * apps import `@app/reporting` only.
 */
export type * from './annual-analysis/annual-analysis.model';
