import { ListTagsCommand, type SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { ResourceTags } from '../../core/ports.js';
import { fromTagList } from '../tagList.js';
import type { AwsCallContext } from '../translateAwsError.js';
import { callSageMaker } from './translateSageMakerError.js';

/** A SageMaker resource's tags: only ListTags has them (Describe* and List* do not). */
export async function sageMakerTags(
  client: SageMakerClient,
  arn: string,
  context: AwsCallContext,
): Promise<ResourceTags> {
  const response = await callSageMaker(context, () => client.send(new ListTagsCommand({ ResourceArn: arn })));
  return fromTagList(response.Tags);
}
