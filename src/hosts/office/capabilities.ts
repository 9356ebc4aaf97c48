/**
 * What the running Excel supports (README.md): TC8 needs ExcelApi 1.7 and uses newer APIs only where
 * present, saying what it skipped.
 */

export interface Capabilities {
  /** Notes on cells (ExcelApi 1.18); without them the explanation column carries the text. */
  notes: boolean;
  /** List dropdowns (ExcelApi 1.8). */
  dataValidation: boolean;
  /** Print orientation (ExcelApi 1.9). */
  pageLayout: boolean;
  /** Reading merged areas (ExcelApi 1.13); without it, two-row headers are read from the cells alone. */
  mergedAreas: boolean;
  /**
   * Several areas in one range, cell properties in one call, special cells and the fill pattern
   * (ExcelApi 1.9): marks and formats are applied by area lists and originals read per block;
   * without it, cell by cell, and a white fill reads as no fill.
   */
  rangeAreas: boolean;
  /** Resizing an Excel table (ExcelApi 1.13): the checklist's table grows over rows TC8 adds. */
  tableResize: boolean;
}

export type IsSetSupported = (name: string, version: string) => boolean;

export function detectCapabilities(isSetSupported: IsSetSupported): Capabilities {
  return {
    notes: isSetSupported("ExcelApi", "1.18"),
    dataValidation: isSetSupported("ExcelApi", "1.8"),
    pageLayout: isSetSupported("ExcelApi", "1.9"),
    mergedAreas: isSetSupported("ExcelApi", "1.13"),
    rangeAreas: isSetSupported("ExcelApi", "1.9"),
    tableResize: isSetSupported("ExcelApi", "1.13"),
  };
}

/** The running Office's answer, or none of the optional APIs outside Office. */
export function officeCapabilities(): Capabilities {
  const req = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
  return detectCapabilities((name, version) => !!req?.isSetSupported(name, version));
}

export const MINIMUM_API = { name: "ExcelApi", version: "1.7" } as const;

/** Names of what a host left out, for the task pane's message. */
export type Skipped = "notes" | "dataValidation" | "pageLayout" | "chart" | "tableResize";
