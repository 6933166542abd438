import type { RenderableReport } from './renderers';

/** `format=json`: the report's model itself (any of them), two-space indented, with a final newline. */
export const renderJson = (model: RenderableReport): string => `${JSON.stringify(model, null, 2)}\n`;
