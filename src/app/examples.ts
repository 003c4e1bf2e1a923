/**
 * The tracing guide's example searches ("Finding slow requests", "Finding errors", the request
 * path) written as TraceQL, so users who learned them from the guide find them here, runnable on
 * either backend.
 */
export interface ExampleQuery {
  title: string;
  description: string;
  query: string;
}

export const GUIDE_EXAMPLES: readonly ExampleQuery[] = [
  {
    title: 'Slow requests',
    description: 'The guide\'s "service=my-service, duration > 1s", for the demo frontend.',
    query: '{ resource.service.name = "frontend" && duration > 1s }',
  },
  {
    title: 'Errors',
    description: 'The guide\'s "error=true": spans whose status is error.',
    query: '{ status = error }',
  },
  {
    title: 'Server errors',
    description: 'The guide\'s "http.status_code >= 500", a range Jaeger alone cannot search.',
    query: '{ span.http.response.status_code >= 500 || span.http.status_code >= 500 }',
  },
  {
    title: 'Slow database calls under the gateway',
    description: 'Structural: database spans anywhere below api-gateway, slower than 40ms.',
    query: '{ resource.service.name = "api-gateway" } >> { span.db.system != nil && duration > 40ms }',
  },
  {
    title: 'Error propagation',
    description: 'Traces where an error in one service sits below an error in its caller.',
    query: '{ status = error } > { status = error }',
  },
  {
    title: 'Busy services per trace',
    description: 'Aggregates: services with more than 2 spans in one trace, such as a gateway fanning out.',
    query: '{ } | by(resource.service.name) | count() > 2',
  },
];
