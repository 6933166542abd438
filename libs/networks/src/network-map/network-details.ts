/**
 * A new network's details as a registration or a split records them: trimmed, as every text
 * is stored; a description of only spaces is no description.
 */
export const newNetworkDetails = (input: { name: string; number?: string; description?: string; website?: string }) => ({
  name: input.name.trim(),
  number: input.number?.trim() ?? null,
  description: input.description?.trim() || null,
  website: input.website ?? null,
});
