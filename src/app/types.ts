/** The app's own settings (jsonData of the app plugin). The bundle's work lives in its nested plugins. */
export interface AppSettings {
  /** UID of the TraceLens data source the overview page links to. */
  defaultDatasourceUid?: string;
}
