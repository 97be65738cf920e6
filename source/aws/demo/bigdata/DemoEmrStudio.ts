import type { EmrStudio, EmrStudioPort, EmrStudioSpec } from '../../../core/bigdata/ports.js';
import { CloudError } from '../../../core/CloudError.js';
import { nodeCrypto } from '../../../core/crypto/nodeCrypto.js';
import type { DemoBigDataStore } from './DemoBigDataStore.js';
import type { DemoStudio } from './demoBigDataState.js';

/** A Studio id as EMR makes them: `es-` and 25 upper-case letters and digits. */
function studioId(name: string, serial: number): string {
  const digest = nodeCrypto().createHash('sha256').update(`${name}/${serial}`).digest('hex').toUpperCase();
  return `es-${digest.slice(0, 25)}`;
}

function view(studio: DemoStudio): EmrStudio {
  return {
    id: studio.id,
    name: studio.name,
    region: studio.region,
    url: `https://${studio.id.toLowerCase()}.emrstudio-prod.${studio.region}.amazonaws.com`,
    auth_mode: 'IAM',
    vpc_id: studio.vpc_id,
    subnet_ids: studio.subnet_ids,
    workspace_location: studio.workspace_location,
    created_at: studio.created_at,
  };
}

/** EMR Studio on the demo account: Studios recorded in the demo's EMR state, ready at once. */
export class DemoEmrStudio implements EmrStudioPort {
  constructor(
    private readonly store: DemoBigDataStore,
    private readonly now: () => number,
  ) {}

  async listStudios(region: string): Promise<EmrStudio[]> {
    const state = await this.store.read();
    return state.studios.filter((studio) => studio.region === region).map(view);
  }

  async describeStudio(region: string, id: string): Promise<EmrStudio> {
    const state = await this.store.read();
    const studio = state.studios.find((candidate) => candidate.region === region && candidate.id === id);
    if (!studio)
      throw new CloudError({
        kind: 'not-found',
        code: 'InvalidRequestException',
        message: `Studio ${id} does not exist in ${region}`,
        hint: 'List the Studios with cws-tui bigdata studio show.',
      });
    return view(studio);
  }

  async createStudio(spec: EmrStudioSpec): Promise<EmrStudio> {
    return this.store.update((state) => {
      if (state.studios.some((studio) => studio.region === spec.region && studio.name === spec.name))
        throw new CloudError({
          kind: 'conflict',
          code: 'InvalidRequestException',
          message: `a Studio named ${spec.name} already exists in ${spec.region}`,
          hint: 'Use it: cws-tui bigdata studio connect.',
        });
      state.serial += 1;
      const studio: DemoStudio = {
        ...spec,
        id: studioId(spec.name, state.serial),
        created_at: new Date(this.now()).toISOString(),
      };
      state.studios.push(studio);
      return view(studio);
    });
  }
}
