/**
 * An event id the writer used already belongs to another event (in another stream, or at other
 * places of the same stream). Event ids are unique in the whole store; nothing was appended.
 */
export class DuplicateEventId extends Error {
  constructor(
    readonly streamId: string,
    readonly eventId: string,
    /** Stream the id already belongs to, when known. */
    readonly existingStreamId?: string,
  ) {
    super(
      existingStreamId === undefined
        ? `stream ${streamId}: event id ${eventId} is already used`
        : `stream ${streamId}: event id ${eventId} is already used by an event of stream ${existingStreamId}`,
    );
    this.name = 'DuplicateEventId';
  }
}
