import { DataLinkPostProcessor, mapInternalLinkToExplore } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';

import { findBuiltPlugin } from '../amd/importPlugin';

/** Why an internal link's target cannot open here, or undefined when it can. */
export function unavailableTarget(datasourceUid: string): string | undefined {
  const target = getDataSourceSrv().getInstanceSettings(datasourceUid);
  if (!target) {
    return `data source ${datasourceUid} is not provisioned`;
  }
  if (!findBuiltPlugin(target.meta.id)) {
    return `${target.name} is not in the sandbox`;
  }
  return undefined;
}

/**
 * Grafana's own link post-processing (internal links become Explore URLs with the query
 * interpolated), plus a note in the title where the link is offered when its target data source
 * cannot open here: the sandbox has no Loki or other logs backend, only the built plugins.
 */
export const sandboxLinkPostProcessor: DataLinkPostProcessor = (options) => {
  const { link, linkModel, dataLinkScopedVars, field, replaceVariables } = options;
  if (!link.internal) {
    // A URL link into Explore (TraceLens's logs links carry one per row): the same note.
    const uid = explorePaneDatasource(linkModel.href);
    const reason = uid === undefined ? undefined : unavailableTarget(uid);
    return reason ? { ...linkModel, title: `${linkModel.title} (${reason})` } : linkModel;
  }
  const model = mapInternalLinkToExplore({
    link,
    internalLink: link.internal,
    scopedVars: dataLinkScopedVars,
    field,
    range: link.internal.range,
    replaceVariables,
  });
  const reason = unavailableTarget(link.internal.datasourceUid);
  return reason ? { ...model, title: `${model.title} (${reason})` } : model;
};

/** The data source of the first pane of an `/explore?panes=...` URL, if it is one. */
function explorePaneDatasource(href: string): string | undefined {
  if (!href.startsWith('/explore?')) {
    return undefined;
  }
  try {
    const panes: unknown = JSON.parse(new URLSearchParams(href.slice('/explore?'.length)).get('panes') ?? '{}');
    const first = panes && typeof panes === 'object' ? Object.values(panes)[0] : undefined;
    const uid = first && typeof first === 'object' ? (first as { datasource?: unknown }).datasource : undefined;
    return typeof uid === 'string' ? uid : undefined;
  } catch {
    return undefined;
  }
}
