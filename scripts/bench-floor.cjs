// The floor the command line is measured against: exceljs reading a workbook and writing it back,
// nothing else. usage: node scripts/bench-floor.cjs <in.xlsx> <out.xlsx>
const ExcelJS = require("exceljs");
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[2]);
  await wb.xlsx.writeFile(process.argv[3]);
})();
