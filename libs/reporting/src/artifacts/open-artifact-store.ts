import { join } from 'node:path';
import { ArtifactStore } from './artifact-store.port';
import { FileArtifactStore } from './embedded/file-artifact-store';
import { GridFsArtifactStore } from './mongodb/gridfs-artifact-store';

/**
 * The artifact store the configuration selects: GridFS in MONGODB_URL's database when it is set
 * (where every worker reaches it), else files in `OKRUG_DATA_DIR/artifacts`.
 */
export const openArtifactStore = (config: { mongodbUrl?: string; dataDir: string }): Promise<ArtifactStore> =>
  config.mongodbUrl ? GridFsArtifactStore.connect(config.mongodbUrl) : FileArtifactStore.open(join(config.dataDir, 'artifacts'));
