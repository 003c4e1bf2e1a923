/** An answer with a status other than 200, raised by route handlers and by calls to other services. */
export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
  }
}

/** A failure injected by configuration (errorRate) or requested through the `demo.fail` baggage entry. */
export class InjectedFault extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InjectedFault';
  }
}
