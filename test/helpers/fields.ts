/** The fields of the shipped rule set langson-2022, by table, as the tests build workbooks from them. */
import { fieldsOf, postalPointKeys, type FieldDef } from "../../src/core/fields";
import { getRuleSet } from "../../src/core/ruleset";

export { field, type FieldDef, type TableKind, type FieldType } from "../../src/core/fields";

export const LS = getRuleSet("langson-2022");
export const FIELDS_BY_KIND = fieldsOf(LS);
export const COMMUNE_FIELDS: readonly FieldDef[] = FIELDS_BY_KIND.communes;
export const VILLAGE_FIELDS: readonly FieldDef[] = FIELDS_BY_KIND.villages;
export const POSTAL_FIELDS: readonly FieldDef[] = FIELDS_BY_KIND.postal;
export const POSTAL_POINT_FIELDS: readonly FieldDef[] = FIELDS_BY_KIND.postal.filter((f) =>
  postalPointKeys(LS).has(f.key),
);
