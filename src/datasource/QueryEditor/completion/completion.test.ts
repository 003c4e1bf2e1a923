import { getCompletions, situationAt, type CompletionSource } from './index';

const source: CompletionSource & { valuesAsked: string[]; filtersAsked: Array<string | undefined> } = {
  valuesAsked: [],
  filtersAsked: [] as Array<string | undefined>,
  attributeNames: async () => [
    'resource.service.name',
    'resource.k8s.pod.name',
    'span.http.route',
    'span.http.status_code',
    'status',
  ],
  async attributeValues(attribute: string, filter?: string) {
    this.valuesAsked.push(attribute);
    this.filtersAsked.push(filter);
    return attribute === 'resource.service.name' ? ['api-gateway', 'frontend', 'say "hi"'] : ['/users', '/users/{id}'];
  },
};

async function labelsAt(text: string, offset = text.length) {
  return (await getCompletions(text, offset, source)).items.map((i) => i.label);
}

describe('situationAt', () => {
  it.each([
    ['', { type: 'start', afterPipe: false, prefix: '' }],
    ['{ ', { type: 'field', prefix: '' }],
    ['{ resource.', { type: 'field', prefix: 'resource.' }],
    ['{ span.http.status_code ', { type: 'operator', field: 'span.http.status_code' }],
    ['{ resource.service.name = ', { type: 'value', field: 'resource.service.name', op: '=', prefix: '' }],
    ['{ resource.service.name = "fr', { type: 'value', field: 'resource.service.name', op: '=', prefix: '"fr' }],
    ['{ status = er', { type: 'value', field: 'status', op: '=', prefix: 'er' }],
    ['{ status = error ', { type: 'afterCondition' }],
    ['{ span.a = 1 && ', { type: 'field', prefix: '' }],
    ['{ status = error } ', { type: 'afterSpanset' }],
    ['{ status = error } | ', { type: 'start', afterPipe: true, prefix: '' }],
  ])('%j', (text, situation) => expect(situationAt(text, text.length).situation).toEqual(situation));

  it('uses the text before the cursor only', () => {
    const text = '{ resource.service.name =  }';
    expect(situationAt(text, 26).situation).toMatchObject({ type: 'value', field: 'resource.service.name' });
  });

  it('replaces from the start of the word being typed', () => {
    expect(situationAt('{ resource.se', 13).replaceFrom).toBe(2);
  });
});

describe('getCompletions', () => {
  it('offers scopes, intrinsics and backend attribute names inside a spanset', async () => {
    const labels = await labelsAt('{ ');
    expect(labels).toEqual(
      expect.arrayContaining([
        'span.',
        'resource.',
        '.',
        'name',
        'status',
        'duration',
        'span:id',
        'resource.service.name',
      ])
    );
  });

  it('narrows attribute names to the scope typed so far', async () => {
    expect(await labelsAt('{ resource.')).toEqual(['resource.service.name', 'resource.k8s.pod.name']);
    expect(await labelsAt('{ span.http.')).toEqual(['span.http.route', 'span.http.status_code']);
    expect(await labelsAt('{ .http.r')).toEqual(['.http.route']);
  });

  it('offers values of resource.service.name after `resource.service.name = `, quoted and escaped', async () => {
    const { items } = await getCompletions('{ resource.service.name = ', 26, source);
    expect(source.valuesAsked).toContain('resource.service.name');
    expect(items.map((i) => i.insertText)).toEqual(['"api-gateway"', '"frontend"', '"say \\"hi\\""']);
  });

  it('narrows values by the conditions typed before them in the same spanset', async () => {
    await labelsAt('{ resource.service.name = "api" && span.http.route = ');
    expect(source.filtersAsked.at(-1)).toBe('{ resource.service.name = "api" }');
    await labelsAt('{ span.a = 1 || span.http.route = ');
    expect(source.filtersAsked.at(-1)).toBeUndefined();
    await labelsAt('{ status = error } && { span.http.route = ');
    expect(source.filtersAsked.at(-1)).toBeUndefined();
  });

  it('filters values by what is typed inside the quote', async () => {
    expect(await labelsAt('{ resource.service.name = "fr')).toEqual(['frontend']);
  });

  it('escapes regex metacharacters in values offered after =~', async () => {
    const { items } = await getCompletions('{ span.http.route =~ ', 21, source);
    expect(items.map((i) => i.insertText)).toContain('"/users/\\\\{id\\\\}"');
  });

  it('offers enum values for status and kind, and operators after a field', async () => {
    expect(await labelsAt('{ status = ')).toEqual(['ok', 'error', 'unset']);
    expect(await labelsAt('{ kind = ')).toContain('server');
    expect(await labelsAt('{ duration ')).toEqual(['=', '!=', '>', '>=', '<', '<=', '=~', '!~']);
  });

  it('offers spanset operators after a spanset and pipeline stages after a pipe', async () => {
    expect(await labelsAt('{ status = error } ')).toEqual(expect.arrayContaining(['|', '&&', '>>', '~']));
    expect(await labelsAt('{ status = error } | ')).toEqual(expect.arrayContaining(['count() >', 'by()', 'rate()']));
    expect(await labelsAt('{ status = error } | ra')).toEqual(['rate()']);
  });
});
