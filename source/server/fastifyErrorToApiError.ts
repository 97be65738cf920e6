import type { FastifyError } from 'fastify';
import { ApiError } from './ApiError.js';

/** Fastify's own refusals (body parsing, size, media type) in the API's words. */
export function fastifyErrorToApiError(error: FastifyError): ApiError {
  switch (error.code) {
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(400, 'malformed_json', 'the body is empty, but Content-Type says it is JSON');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ApiError(400, 'malformed_json', `the body is not valid JSON: ${error.message}`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(
        413,
        'body_too_large',
        'the body is larger than the limit of this server',
        'bodies are small JSON objects',
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(
        415,
        'unsupported_media_type',
        'the body must be JSON',
        'send Content-Type: application/json',
      );
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError(400, 'bad_request', 'the Content-Length does not match the body');
  }
  if (error instanceof SyntaxError || error.name === 'SyntaxError') {
    return new ApiError(400, 'malformed_json', `the body is not valid JSON: ${error.message}`);
  }
  if (error.statusCode === 429) return new ApiError(429, 'rate_limited', error.message);
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new ApiError(error.statusCode, 'bad_request', error.message);
  }
  return new ApiError(500, 'internal', `unexpected error: ${error.message}`);
}
