import { Locator, Page } from '@playwright/test';

/**
 * Types into the real Monaco editor the way a person does: click, select all, type. Monaco's
 * auto-closing brackets and quotes are typed over, so the model ends up with exactly `text`.
 */
export async function typeIntoMonaco(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.locator('.monaco-editor[data-uri] .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text, { delay: 15 });
  // Close any suggestion widget so a later Enter or click does not accept a completion.
  await page.keyboard.press('Escape');
}

/** The text of the Monaco model inside `editor`, read through the editor's own API. */
export async function monacoValue(editor: Locator): Promise<string> {
  return editor.locator('.monaco-editor[data-uri]').evaluate((element) => {
    type MonacoWindow = Window & {
      monaco?: { editor: { getEditors: () => Array<{ getContainerDomNode: () => Element; getValue: () => string }> } };
    };
    const monaco = (window as MonacoWindow).monaco;
    const instance = monaco?.editor
      .getEditors()
      .find(
        (candidate) =>
          candidate.getContainerDomNode().contains(element) || element.contains(candidate.getContainerDomNode())
      );
    return instance?.getValue() ?? '';
  });
}

export interface MonacoMarker {
  message: string;
  startLineNumber: number;
  startColumn: number;
  endColumn: number;
  severity: number;
}

/** Error markers (diagnostics) the plugin set on the editor's model. */
export async function monacoMarkers(editor: Locator): Promise<MonacoMarker[]> {
  return editor.locator('.monaco-editor[data-uri]').evaluate((element) => {
    type Marker = {
      message: string;
      startLineNumber: number;
      startColumn: number;
      endColumn: number;
      severity: number;
    };
    type MonacoWindow = Window & {
      monaco?: {
        editor: {
          getEditors: () => Array<{ getContainerDomNode: () => Element; getModel: () => { uri: unknown } | null }>;
          getModelMarkers: (filter: { resource?: unknown }) => Marker[];
        };
      };
    };
    const monaco = (window as MonacoWindow).monaco;
    const instance = monaco?.editor
      .getEditors()
      .find(
        (candidate) =>
          candidate.getContainerDomNode().contains(element) || element.contains(candidate.getContainerDomNode())
      );
    const model = instance?.getModel();
    if (!monaco || !model) {
      return [];
    }
    return monaco.editor
      .getModelMarkers({ resource: model.uri })
      .map(({ message, startLineNumber, startColumn, endColumn, severity }) => ({
        message,
        startLineNumber,
        startColumn,
        endColumn,
        severity,
      }));
  });
}
