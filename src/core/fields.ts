/**
 * The input schema (docs/input.md §6): every value TC8 reads, the canonical header the template writes,
 * the aliases real Lạng Sơn and national forms use, and a short label for explanations.
 * The rule set refers to these keys; the workbook reader matches headers against them. One place,
 * so a header alias or a label is added once.
 */
import type { Text } from "./ruleset/types";

export type FieldType =
  | "text" // names, codes
  | "area" // Miền núi / Đồng bằng
  | "yesno" // có / không, check marks
  | "count" // whole number >= 0
  | "number" // any number >= 0 (hours, news per week)
  | "rate" // percentage 0–100 %
  | "website"; // an address, or yes / no

export type TableKind = "communes" | "villages" | "postal";

export interface FieldDef {
  key: string;
  type: FieldType;
  /** Canonical Vietnamese header, as the template writes it. */
  header: string;
  /** Other headers seen on real forms; matched after normalisation (case, diacritics, punctuation, spacing). */
  aliases: readonly string[];
  /** Short label for explanations. */
  label: { vi: string; en: string };
  /** Trailing units accepted after a number in a text cell ("4 giờ", "12 người"). */
  units?: readonly string[];
  /** Required to recognise the table (the name column of its kind). */
  identifies?: TableKind;
  /** A yes/no value said as a sentence ("xã chưa có đài truyền thanh"), so no header is repeated inside a sentence. */
  says?: { yes: Text; no: Text };
  /** What a village has, inside a sentence ("Internet băng rộng di động"). */
  thing?: Text;
  /** Hours of a day: "8:00", a cell formatted h:mm and ranges such as "7:30–11:30, 13:30–17:00" are read as hours. */
  hours?: boolean;
  /** The largest value that can be (24 hours a day). */
  max?: number;
  /** A rate that may exceed 100 % (computers per official). */
  above100?: boolean;
  /**
   * What to enter, for the person filling in the template (its header note and the guide sheet):
   * the guidance's own definitions where it gives one.
   */
  hint?: string;
}

const says = (yesVi: string, noVi: string, yesEn: string, noEn: string) => ({ says: { yes: { vi: yesVi, en: yesEn }, no: { vi: noVi, en: noEn } } });
const thing = (vi: string, en: string) => ({ thing: { vi, en } });

const HOURS = ["giờ", "gio", "h", "tiếng"];
const NEWS = ["tin", "bài", "tin bài", "tin, bài", "tin/tuần", "bài/tuần", "tin bài/tuần"];
const PEOPLE = ["người", "cbcc", "cán bộ", "lao động"];
const DOSSIERS = ["hồ sơ", "hs"];
const VILLAGES = ["thôn", "bản", "thôn, bản", "thôn bản"];
const POINTS = ["điểm", "địa chỉ", "hộ"];
const PRODUCTS = ["sản phẩm", "sp"];
const COMPUTERS = ["máy", "máy tính", "chiếc", "bộ"];
const PERCENT = ["%"];
const RATE = 'Tỷ lệ phần trăm, dùng khi không có hai cột số liệu: 45, "45%" hoặc ô định dạng phần trăm';
const VILLAGE_COUNT = "Dùng khi không có danh sách thôn, bản (sheet Thôn, bản): danh sách thôn, bản được dùng trước.";

function f(
  key: string,
  type: FieldType,
  header: string,
  en: string,
  aliases: readonly string[] = [],
  extra: Partial<FieldDef> = {},
): FieldDef {
  return { key, type, header, aliases, label: { vi: header, en }, ...extra };
}

// Identity columns shared by the three kinds of table.
const COMMUNE = f("commune", "text", "Tên xã", "Commune", ["Xã", "Tên xã, thị trấn", "Xã, thị trấn", "Xã/thị trấn", "Tên đơn vị hành chính cấp xã", "Tên xã/thị trấn", "Commune"], { identifies: "communes", hint: "Tên xã, như trong danh sách xã (mỗi xã một dòng)." });
const DISTRICT = f("district", "text", "Huyện", "District", ["Tên huyện", "Huyện, thành phố", "Huyện/thành phố", "Huyện, TP", "District"], { hint: "Tên huyện, thành phố: cần khi có hai xã trùng tên ở hai huyện." });

/** Postal-point columns: a postal-points table, or one point per commune in the communes table. */
export const POSTAL_POINT_FIELDS: readonly FieldDef[] = [
  f("premises", "yesno", "Có mặt bằng, trang thiết bị phù hợp", "Suitable premises and equipment", ["Mặt bằng, trang thiết bị", "Có mặt bằng, trang thiết bị", "Mặt bằng, trang thiết bị phù hợp"], {
    ...says("có mặt bằng, trang thiết bị phù hợp", "chưa có mặt bằng, trang thiết bị phù hợp", "has suitable premises and equipment", "has no suitable premises and equipment"),
    hint: "Mặt bằng, trang thiết bị phù hợp với hình thức tổ chức cung ứng và nhu cầu sử dụng dịch vụ bưu chính tại địa phương.",
  }),
  f("sign", "yesno", "Có biển tên điểm phục vụ", "Name sign", ["Có treo biển tên điểm phục vụ", "Biển tên", "Có biển tên", "Biển tên điểm phục vụ"], {
    ...says("có treo biển tên điểm phục vụ", "chưa treo biển tên điểm phục vụ", "has a name sign", "has no name sign"),
    hint: "Điểm phục vụ có treo biển tên.",
  }),
  f("posted_info", "yesno", "Niêm yết giờ mở cửa, thông tin dịch vụ", "Opening hours and service information posted", ["Niêm yết giờ mở cửa", "Niêm yết thông tin", "Niêm yết giờ mở cửa và thông tin dịch vụ"], {
    ...says("có niêm yết giờ mở cửa, thông tin dịch vụ", "chưa niêm yết giờ mở cửa, thông tin dịch vụ", "posts its opening hours and services", "does not post its opening hours and services"),
    hint: "Niêm yết giờ mở cửa phục vụ và các thông tin về dịch vụ bưu chính cung ứng tại điểm phục vụ.",
  }),
  f("hours_per_day", "number", "Số giờ mở cửa/ngày", "Opening hours per working day", ["Giờ mở cửa/ngày", "Thời gian mở cửa (giờ/ngày)", "Số giờ mở cửa phục vụ/ngày", "Thời gian mở cửa phục vụ", "Số giờ mở cửa", "Thời gian mở cửa"], {
    units: HOURS,
    hours: true,
    max: 24,
    hint: "Số giờ mở cửa phục vụ trong một ngày làm việc (tối thiểu 4 giờ): 8, \"8 giờ\", 8:00 hoặc các khung giờ như \"7:30-11:30, 13:30-17:00\".",
  }),
  f("letters_2kg", "yesno", "Dịch vụ thư đến 2 kg", "Letters up to 2 kg", ["Thư đến 2 kg", "Dịch vụ thư có địa chỉ nhận đến 2 kg", "Dịch vụ thư"], {
    ...says("có dịch vụ thư đến 2 kg", "chưa có dịch vụ thư đến 2 kg", "offers letters up to 2 kg", "does not offer letters up to 2 kg"),
    hint: "Dịch vụ thư có địa chỉ nhận, khối lượng đơn chiếc đến 02 kg.",
  }),
  f("parcels_5kg", "yesno", "Dịch vụ gói, kiện đến 5 kg", "Packets and parcels up to 5 kg", ["Gói, kiện đến 5 kg", "Dịch vụ gói, kiện hàng hóa đến 5 kg", "Dịch vụ gói, kiện"], {
    ...says("có dịch vụ gói, kiện đến 5 kg", "chưa có dịch vụ gói, kiện đến 5 kg", "offers packets and parcels up to 5 kg", "does not offer packets and parcels up to 5 kg"),
    hint: "Dịch vụ gói, kiện hàng hóa có khối lượng đơn chiếc đến 05 kg.",
  }),
  f("online_service_support", "yesno", "Hỗ trợ người dân sử dụng DVC trực tuyến", "Helps citizens use online public services", ["Hỗ trợ DVC trực tuyến", "Nhân viên được tập huấn DVC trực tuyến", "Phục vụ DVC trực tuyến", "Hỗ trợ người dân sử dụng dịch vụ công trực tuyến"], {
    ...says("hỗ trợ được người dân sử dụng dịch vụ công trực tuyến", "chưa hỗ trợ người dân sử dụng dịch vụ công trực tuyến", "helps citizens use online public services", "does not help citizens use online public services"),
    hint: "Điểm phục vụ đáp ứng khả năng phục vụ người dân có nhu cầu sử dụng dịch vụ công trực tuyến (nhân viên được đào tạo, tập huấn nghiệp vụ) – chỉ tiêu 8.1 NTM nâng cao.",
  }),
];

/** Village counts, when villages come as counts in the communes table. */
export const VILLAGE_COUNT_FIELDS: readonly FieldDef[] = [
  f("villages_total", "count", "Tổng số thôn, bản", "Number of villages", ["Số thôn, bản", "Tổng số thôn", "Số thôn", "Tổng số thôn, bản, khối phố"], { units: VILLAGES, hint: `Tổng số thôn, bản của xã. ${VILLAGE_COUNT}` }),
  f("villages_phone", "count", "Số thôn có dịch vụ điện thoại", "Villages with telephone service", ["Số thôn có điện thoại", "Số thôn, bản có dịch vụ điện thoại"], { units: VILLAGES, hint: VILLAGE_COUNT }),
  f("villages_internet", "count", "Số thôn có dịch vụ Internet", "Villages with broadband Internet", ["Số thôn có Internet", "Số thôn có dịch vụ Internet băng rộng", "Số thôn, bản có dịch vụ Internet"], { units: VILLAGES, hint: VILLAGE_COUNT }),
  f("villages_loudspeaker", "count", "Số thôn có loa hoạt động", "Villages with an operating loudspeaker system", ["Số thôn có hệ thống loa hoạt động", "Số thôn có loa", "Số thôn, bản có hệ thống loa hoạt động"], { units: VILLAGES, hint: VILLAGE_COUNT }),
  f("villages_loudspeaker_regular", "count", "Số thôn có loa hoạt động thường xuyên", "Villages with loudspeakers operating regularly", ["Số thôn có hệ thống loa hoạt động thường xuyên", "Số thôn, bản có loa hoạt động thường xuyên"], { units: VILLAGES, hint: VILLAGE_COUNT }),
  f("villages_tv", "count", "Số thôn có hộ thu xem truyền hình", "Villages with households receiving TV", ["Số thôn có hộ xem được truyền hình", "Số thôn thu xem được truyền hình", "Số thôn có hộ thu xem được truyền hình"], { units: VILLAGES, hint: VILLAGE_COUNT }),
];


/** The communes table (one row per commune). */
export const COMMUNE_FIELDS: readonly FieldDef[] = [
  COMMUNE,
  f("code", "text", "Mã xã", "Commune code", ["Mã ĐVHC", "Mã đơn vị hành chính", "Mã"], { hint: "Mã đơn vị hành chính của xã (không bắt buộc)." }),
  DISTRICT,
  f("area", "area", "Khu vực (Miền núi / Đồng bằng)", "Area", ["Khu vực", "Vùng", "Khu vực miền núi/đồng bằng", "Khu vực (miền núi, đồng bằng)", "Area"], {
    hint: "Miền núi: xã vùng đồng bào dân tộc thiểu số và miền núi, hải đảo. Đồng bằng: các xã còn lại. Để trống thì tính theo miền núi. Mức yêu cầu của các chỉ tiêu 8.2, 8.3, 8.4 NTM nâng cao tùy khu vực.",
  }),
  f("telecom_qcvn", "yesno", "Dịch vụ VT, Internet đáp ứng QCVN", "Telecom and Internet services meet QCVN", ["Đáp ứng QCVN", "Dịch vụ viễn thông, Internet đáp ứng quy chuẩn kỹ thuật quốc gia", "QCVN", "Dịch vụ viễn thông, Internet đáp ứng QCVN"], {
    ...says("dịch vụ viễn thông, Internet đáp ứng QCVN", "dịch vụ viễn thông, Internet chưa đáp ứng QCVN", "telecom and Internet services meet QCVN", "telecom and Internet services do not meet QCVN"),
    hint: `Dịch vụ viễn thông, Internet trên địa bàn xã đáp ứng quy chuẩn kỹ thuật quốc gia do cơ quan có thẩm quyền ban hành.`,
  }),
  f("radio_station", "yesno", "Có đài truyền thanh xã", "Commune radio station", ["Đài truyền thanh xã", "Có đài truyền thanh", "Đài truyền thanh"], {
    ...says("xã có đài truyền thanh", "xã chưa có đài truyền thanh", "the commune has a radio station", "the commune has no radio station"),
    hint: `Xã có đài truyền thanh theo hướng dẫn của Bộ Thông tin và Truyền thông.`,
  }),
  f("radio_relay", "yesno", "Tiếp sóng Đài TNVN, Đài PT-TH tỉnh", "Relays VOV and provincial radio-TV", ["Tiếp sóng", "Tiếp sóng Đài Tiếng nói Việt Nam, Đài Phát thanh và Truyền hình tỉnh", "Tiếp sóng Đài TNVN, Đài PTTH tỉnh", "Tiếp sóng VOV"], {
    ...says("đài xã có tiếp sóng Đài TNVN, Đài PT-TH tỉnh", "đài xã chưa tiếp sóng Đài TNVN, Đài PT-TH tỉnh", "the station relays VOV and the provincial station", "the station does not relay VOV and the provincial station"),
    hint: `Đài xã thực hiện tiếp sóng các khung giờ của Đài Tiếng nói Việt Nam, Đài Phát thanh và Truyền hình tỉnh.`,
  }),
  f("radio_news_per_week", "number", "Số tin, bài tự sản xuất/tuần", "Self-produced news items per week", ["Số tin bài tự sản xuất/tuần", "Tin, bài tự sản xuất/tuần", "Số tin/tuần", "Số tin tự sản xuất trong tuần", "Số tin, bài/tuần"], {
    units: NEWS,
    hint: "Số tin, bài do xã tự sản xuất phát trên đài truyền thanh xã mỗi tuần (ít nhất 03 tin/tuần). Nội dung tin, bài phong phú gồm cả chính trị, thời sự, tuyên truyền chủ trương, chính sách, các hoạt động của xã.",
  }),
  f("officials", "count", "Số cán bộ, công chức xã", "Commune officials", ["Số CBCC", "Tổng số CBCC", "Số cán bộ, công chức", "Tổng số cán bộ, công chức", "Tổng số cán bộ, công chức xã", "Số CBCC xã"], { units: PEOPLE, hint: "Tổng số cán bộ, công chức của xã (người)." }),
  f("officials_with_computer", "count", "Số CBCC có máy vi tính", "Officials with a computer", ["Số CBCC có máy tính", "Số cán bộ, công chức có máy vi tính"], {
    units: PEOPLE,
    hint: "Số cán bộ, công chức có máy vi tính để làm việc (tỷ lệ máy vi tính/số cán bộ, công chức tối thiểu 50%). Sổ tính ghi Số máy vi tính thay cho cột này thì TC8 tính số máy trên số cán bộ, công chức (có thể trên 100%).",
  }),
  f("computers", "count", "Số máy vi tính", "Computers", ["Số máy tính", "Số máy vi tính phục vụ công tác", "Số máy vi tính của xã", "Tổng số máy vi tính"], {
    units: COMPUTERS,
    hint: "Số máy vi tính của xã phục vụ công tác (tỷ lệ máy vi tính/số cán bộ, công chức tối thiểu 50%; nhiều máy hơn số cán bộ là hợp lệ).",
  }),
  f("computer_rate", "rate", "Tỷ lệ máy vi tính/CBCC (%)", "Computers per official (%)", ["Tỷ lệ máy vi tính/CBCC", "Tỷ lệ máy tính/CBCC", "Tỷ lệ máy vi tính/số cán bộ, công chức", "Tỷ lệ máy vi tính"], { units: PERCENT, above100: true, hint: `${RATE} (có thể trên 100%).` }),
  f("sw_qlvb", "yesno", "Sử dụng hệ thống QLVB và điều hành", "Uses the document management system", ["QLVB và điều hành", "Hệ thống quản lý văn bản và điều hành", "Phần mềm QLVB", "QLVB", "Sử dụng phần mềm QLVB"], {
    ...says("xã có sử dụng hệ thống quản lý văn bản và điều hành", "xã chưa sử dụng hệ thống quản lý văn bản và điều hành", "the commune uses the document management system", "the commune does not use the document management system"),
    hint: `Xã sử dụng Hệ thống quản lý văn bản và điều hành (https://vanphongdientu.langson.gov.vn/).`,
  }),
  f("sw_email", "yesno", "Sử dụng thư điện tử công vụ", "Uses official e-mail", ["Thư điện tử công vụ", "Hệ thống thư điện tử công vụ", "Email công vụ"], {
    ...says("xã có sử dụng thư điện tử công vụ", "xã chưa sử dụng thư điện tử công vụ", "the commune uses official e-mail", "the commune does not use official e-mail"),
    hint: `Xã sử dụng Hệ thống thư điện tử công vụ (https://mail.langson.gov.vn/).`,
  }),
  f("sw_mot_cua", "yesno", "Sử dụng Cổng DVC, một cửa điện tử", "Uses the public service portal and one-stop system", ["Cổng DVC, một cửa điện tử", "Một cửa điện tử", "Cổng dịch vụ công và Hệ thống thông tin một cửa điện tử", "Cổng DVC"], {
    ...says("xã có sử dụng Cổng dịch vụ công, một cửa điện tử", "xã chưa sử dụng Cổng dịch vụ công, một cửa điện tử", "the commune uses the public service portal and one-stop system", "the commune does not use the public service portal and one-stop system"),
    hint: `Xã sử dụng Cổng dịch vụ công và Hệ thống thông tin một cửa điện tử (https://dichvucong.langson.gov.vn/).`,
  }),
  f("website", "website", "Trang thông tin điện tử xã (địa chỉ)", "Commune website", ["Trang thông tin điện tử xã", "Trang TTĐT xã", "Trang TTĐT", "Địa chỉ trang TTĐT", "Website", "Địa chỉ trang thông tin điện tử"], {
    ...says("xã có trang thông tin điện tử", "xã chưa có trang thông tin điện tử", "the commune has a website", "the commune has no website"),
    hint: "Địa chỉ trang thông tin điện tử của xã (hoặc Có / Không). Trang có chức năng cung cấp thông tin phục vụ công tác quản lý, điều hành và cung cấp dịch vụ công trực tuyến; thường xuyên cập nhật các hoạt động của hệ thống chính quyền cấp xã.",
  }),
  f("website_posts_year", "count", "Số tin, bài trên trang TTĐT trong năm", "Website posts in the year", ["Số tin bài/năm", "Số tin, bài/năm", "Tin, bài trên trang TTĐT/năm", "Số tin, bài trong năm"], {
    units: NEWS,
    hint: "Số tin, bài về hoạt động của chính quyền xã đăng trên trang thông tin điện tử trong năm (tối thiểu 36 tin, bài/năm).",
  }),
  f("website_posts_min_month", "count", "Số tin, bài tháng ít nhất", "Website posts in the month with fewest", ["Số tin bài tháng thấp nhất", "Số tin, bài/tháng (thấp nhất)", "Số tin, bài tháng thấp nhất", "Số tin, bài/tháng ít nhất"], {
    units: NEWS,
    hint: "Số tin, bài của tháng đăng ít nhất trong năm (tháng nào cũng phải có tối thiểu 03 tin, bài).",
  }),
  f("dossiers_total", "count", "Tổng số hồ sơ TTHC đã giải quyết", "Administrative dossiers handled", ["Tổng số hồ sơ TTHC", "Tổng số hồ sơ", "Tổng số hồ sơ giải quyết TTHC", "Tổng số hồ sơ đã giải quyết"], {
    units: DOSSIERS,
    hint: "Tổng số hồ sơ giải quyết thủ tục hành chính của xã (trích xuất từ hệ thống một cửa điện tử).",
  }),
  f("dossiers_online", "count", "Số hồ sơ giải quyết trực tuyến", "Dossiers handled online", ["Số hồ sơ trực tuyến", "Hồ sơ trực tuyến", "Số hồ sơ giải quyết trực tuyến"], {
    units: DOSSIERS,
    hint: "Số hồ sơ giải quyết trực tuyến (tối thiểu 30% tổng số hồ sơ với xã NTM, 50% với xã NTM nâng cao).",
  }),
  f("dossiers_online_rate", "rate", "Tỷ lệ hồ sơ trực tuyến (%)", "Dossiers handled online (%)", ["Tỷ lệ hồ sơ giải quyết trực tuyến", "Tỷ lệ hồ sơ trực tuyến"], { units: PERCENT, hint: `${RATE}.` }),
  f("working_age", "count", "Dân số trong độ tuổi lao động", "Working-age population", ["Số người trong độ tuổi lao động", "Dân số độ tuổi lao động", "Dân số trong độ tuổi LĐ"], { units: PEOPLE, hint: "Số người trong độ tuổi lao động của xã." }),
  f("smartphone_users", "count", "Số người trong độ tuổi LĐ có thuê bao ĐTTM", "Working-age people with a smartphone subscription", ["Số người có thuê bao ĐTTM", "Số người sử dụng điện thoại thông minh", "Số người trong độ tuổi lao động có thuê bao sử dụng điện thoại thông minh", "Số người có thuê bao điện thoại thông minh"], {
    units: PEOPLE,
    hint: "Số người (không phải số thuê bao) trong độ tuổi lao động có thuê bao sử dụng điện thoại thông minh: một người có nhiều thuê bao chỉ tính một lần.",
  }),
  // Subscriptions are not people (8.2 NC counts people): read, so the column is recognised and said so, and never evaluated.
  f("smartphone_subscriptions", "count", "Số thuê bao ĐTTM", "Smartphone subscriptions (not people)", ["Số thuê bao điện thoại thông minh", "Số thuê bao sử dụng điện thoại thông minh", "Tổng số thuê bao ĐTTM"], {
    units: ["thuê bao", "tb"],
    hint: "Số thuê bao, không phải số người: TC8 không dùng cột này cho chỉ tiêu 8.2 NTM nâng cao (tỷ lệ người trong độ tuổi lao động có thuê bao điện thoại thông minh).",
  }),
  f("smartphone_rate", "rate", "Tỷ lệ thuê bao ĐTTM (%)", "Smartphone subscriptions (%)", ["Tỷ lệ dân số trong độ tuổi LĐ có thuê bao ĐTTM", "Tỷ lệ sử dụng điện thoại thông minh", "Tỷ lệ thuê bao ĐTTM"], { units: PERCENT, hint: `${RATE}.` }),
  f("officials_trained", "count", "Số CBCC được bồi dưỡng kỹ năng số, ATTT", "Officials trained in digital skills and security", ["Số CBCC được bồi dưỡng kỹ năng số", "Số CBCC được tập huấn kỹ năng số, ATTT"], {
    units: PEOPLE,
    hint: "Số cán bộ, công chức xã được bồi dưỡng, tập huấn kiến thức, kỹ năng số và an toàn thông tin (khóa tự mở, do đơn vị chuyên môn khác mở, chứng chỉ liên quan).",
  }),
  f("officials_trained_rate", "rate", "Tỷ lệ CBCC được bồi dưỡng kỹ năng số, ATTT (%)", "Officials trained (%)", ["Tỷ lệ CBCC được bồi dưỡng kỹ năng số", "Tỷ lệ CBCC được bồi dưỡng kỹ năng số, ATTT"], { units: PERCENT, hint: `${RATE}.` }),
  f("citizens_trained", "count", "Số người trong độ tuổi LĐ được phổ biến kỹ năng số", "Working-age people given digital-skills training", ["Số người dân được phổ biến kỹ năng số", "Số người được phổ biến kỹ năng số"], {
    units: PEOPLE,
    hint: "Số người trong độ tuổi lao động được phổ biến kiến thức về sử dụng máy tính và kỹ năng số cơ bản (hội nghị, lớp tập huấn trực tiếp, trực tuyến; tài liệu gửi qua đường điện tử).",
  }),
  f("citizens_trained_rate", "rate", "Tỷ lệ người dân được phổ biến kỹ năng số (%)", "Citizens trained (%)", ["Tỷ lệ người trong độ tuổi LĐ được phổ biến kỹ năng số", "Tỷ lệ người dân được phổ biến kỹ năng số"], { units: PERCENT, hint: `${RATE}.` }),
  f("publication_points", "count", "Số điểm cung cấp xuất bản phẩm", "Points providing publications", ["Điểm cung cấp xuất bản phẩm", "Số điểm xuất bản phẩm"], {
    units: POINTS,
    hint: "Điểm cung cấp xuất bản phẩm được hiểu là điểm đọc và điểm bán các xuất bản phẩm gồm: Thư viện, điểm bán sách, điểm bưu điện văn hóa xã (nếu có sách, báo, tạp chí... bán cho người dân hoặc cho người dân đọc miễn phí).",
  }),
  f("ocop_products", "count", "Số sản phẩm OCOP", "OCOP products", ["Tổng số sản phẩm OCOP", "Sản phẩm OCOP"], { units: PRODUCTS, hint: "Số sản phẩm OCOP của xã (0 nếu xã không có sản phẩm OCOP)." }),
  f("ocop_online", "count", "Số sản phẩm OCOP trên sàn TMĐT", "OCOP products on e-commerce platforms", ["Số sản phẩm OCOP trên sàn thương mại điện tử", "OCOP trên sàn TMĐT"], {
    units: PRODUCTS,
    hint: "Số sản phẩm OCOP được giới thiệu, quảng bá trên sàn thương mại điện tử (Voso, Postmart, chợ trực tuyến Hợp tác xã Việt Nam...).",
  }),
  f("ocop_online_rate", "rate", "Tỷ lệ sản phẩm OCOP trên sàn TMĐT (%)", "OCOP products online (%)", ["Tỷ lệ sản phẩm OCOP trên sàn TMĐT"], { units: PERCENT, hint: `${RATE}.` }),
  f("address_points", "count", "Số hộ, cơ quan, tổ chức, khu di tích", "Households, agencies, organisations and relic sites", ["Tổng số điểm địa chỉ", "Số điểm địa chỉ", "Tổng số hộ, cơ quan, tổ chức, khu di tích"], {
    units: POINTS,
    hint: "Tổng số hộ gia đình, cơ quan, tổ chức, khu di tích trên địa bàn xã (mỗi điểm địa chỉ).",
  }),
  f("address_plates", "count", "Số điểm đã gắn biển địa chỉ số", "Places notified of and tagged with a digital address plate", ["Số điểm gắn biển địa chỉ số", "Số biển địa chỉ số đã gắn", "Số điểm được gắn biển địa chỉ số", "Số điểm được thông báo, gắn biển địa chỉ số"], {
    units: POINTS,
    hint: "Số hộ gia đình, cơ quan, tổ chức, khu di tích đã được thông báo, gắn biển địa chỉ số đến từng điểm địa chỉ (phối hợp Bưu điện huyện để có số liệu). Chỉ tính điểm đã được thông báo địa chỉ số và đã gắn biển.",
  }),
  f("address_plates_rate", "rate", "Tỷ lệ gắn biển địa chỉ số (%)", "Digital address plates (%)", ["Tỷ lệ gắn biển địa chỉ số", "Tỷ lệ điểm được gắn biển địa chỉ số"], { units: PERCENT, hint: `${RATE}.` }),
  f("satisfaction_survey", "yesno", "Tổ chức lấy ý kiến sự hài lòng của người dân", "Citizen satisfaction survey held", ["Lấy ý kiến sự hài lòng", "Khảo sát sự hài lòng", "Lấy ý kiến sự hài lòng của người dân"], {
    ...says("đã tổ chức lấy ý kiến sự hài lòng của người dân", "chưa tổ chức lấy ý kiến sự hài lòng của người dân", "a citizen satisfaction survey was held", "no citizen satisfaction survey was held"),
    hint: `Xã tổ chức lấy ý kiến sự hài lòng của người dân về kết quả xây dựng nông thôn mới (để biết, không tính vào kết quả).`,
  }),
  f("wifi_ubnd", "yesno", "Wifi miễn phí tại UBND xã", "Free Wi-Fi at the commune People's Committee", ["Wifi UBND xã", "Wifi miễn phí UBND xã", "Wi-Fi miễn phí tại UBND xã"], {
    ...says("có wifi miễn phí tại UBND xã", "chưa có wifi miễn phí tại UBND xã", "free Wi-Fi at the People's Committee", "no free Wi-Fi at the People's Committee"),
    hint: `UBND xã có mạng wifi miễn phí (điểm công cộng bắt buộc); có thể đánh dấu x.`,
  }),
  f("wifi_nha_van_hoa", "yesno", "Wifi miễn phí tại nhà văn hóa xã", "Free Wi-Fi at the commune cultural house", ["Wifi nhà văn hóa xã", "Wifi miễn phí nhà văn hóa xã", "Wi-Fi miễn phí tại nhà văn hóa xã"], {
    ...says("có wifi miễn phí tại nhà văn hóa xã", "chưa có wifi miễn phí tại nhà văn hóa xã", "free Wi-Fi at the cultural house", "no free Wi-Fi at the cultural house"),
    hint: `Nhà văn hóa xã có mạng wifi miễn phí (điểm công cộng bắt buộc); có thể đánh dấu x.`,
  }),
  f("wifi_tram_y_te", "yesno", "Wifi miễn phí tại trạm y tế", "Free Wi-Fi at the health station", ["Wifi trạm y tế", "Wifi miễn phí trạm y tế", "Wi-Fi miễn phí tại trạm y tế", "Wifi miễn phí tại trạm y tế xã"], {
    ...says("có wifi miễn phí tại trạm y tế", "chưa có wifi miễn phí tại trạm y tế", "free Wi-Fi at the health station", "no free Wi-Fi at the health station"),
    hint: `Trạm y tế có mạng wifi miễn phí (điểm công cộng bắt buộc); có thể đánh dấu x.`,
  }),
  f("wifi_quality", "yesno", "Wifi đáp ứng chất lượng, ATTT", "Wi-Fi meets quality and security rules", ["Wifi đáp ứng chất lượng", "Mạng wifi đáp ứng chất lượng dịch vụ, ATTT", "Wifi miễn phí đáp ứng chất lượng, ATTT"], {
    ...says("mạng wifi đáp ứng chất lượng, an toàn thông tin", "mạng wifi chưa đáp ứng chất lượng, an toàn thông tin", "the Wi-Fi meets quality and security rules", "the Wi-Fi does not meet quality and security rules"),
    hint: `Mạng wifi đáp ứng chất lượng dịch vụ, các điều kiện kỹ thuật khai thác và an toàn, an ninh thông tin theo quy định hiện hành.`,
  }),
  f("wifi_other_places", "count", "Số điểm công cộng khác có wifi miễn phí", "Other public places with free Wi-Fi", ["Số điểm wifi khuyến khích", "Điểm công cộng khác có wifi", "Số điểm công cộng khác có wifi", "Wifi miễn phí tại điểm công cộng khác"], {
    units: POINTS,
    hint: "Số điểm công cộng khuyến khích có wifi miễn phí: trường học, nhà văn hóa thôn, điểm du lịch công cộng, khu vui chơi giải trí cộng đồng, chợ, cơ sở tôn giáo… (để biết, không tính vào kết quả).",
  }),
  ...VILLAGE_COUNT_FIELDS,
  ...POSTAL_POINT_FIELDS,
];

/** The villages table (one row per village, thôn / bản). */
export const VILLAGE_FIELDS: readonly FieldDef[] = [
  COMMUNE,
  DISTRICT,
  f("village", "text", "Tên thôn, bản", "Village", ["Thôn, bản", "Tên thôn", "Thôn", "Tên thôn/bản", "Thôn/bản", "Tên thôn, bản, khối phố", "Village"], { identifies: "villages", hint: "Tên thôn, bản; mỗi thôn, bản một dòng." }),
  f("phone_fixed", "yesno", "Điện thoại cố định", "Fixed telephone", ["ĐT cố định", "Điện thoại cố định mặt đất", "Dịch vụ điện thoại cố định"], {
    ...thing("điện thoại cố định", "fixed telephone"),
    hint: `Thôn có khả năng sử dụng dịch vụ điện thoại trên mạng viễn thông cố định mặt đất.`,
  }),
  f("phone_mobile", "yesno", "Điện thoại di động", "Mobile telephone", ["ĐT di động", "Dịch vụ điện thoại di động", "Điện thoại di động mặt đất"], {
    ...thing("điện thoại di động", "mobile telephone"),
    hint: `Thôn có khả năng sử dụng dịch vụ điện thoại trên mạng viễn thông di động mặt đất.`,
  }),
  f("phone_any", "yesno", "Có dịch vụ điện thoại", "Telephone service (fixed or mobile)", ["Dịch vụ điện thoại", "Điện thoại", "Có điện thoại"], { ...thing("dịch vụ điện thoại", "telephone service"), hint: `Thôn có khả năng sử dụng dịch vụ điện thoại cố định hoặc di động mặt đất.` }),
  f("internet_any", "yesno", "Có dịch vụ Internet", "Broadband Internet (fixed or mobile)", ["Dịch vụ Internet", "Internet", "Có Internet", "Internet băng rộng"], { ...thing("dịch vụ Internet", "Internet service"), hint: `Thôn có khả năng truy nhập Internet trên mạng băng rộng cố định hoặc di động mặt đất.` }),
  f("internet_fixed", "yesno", "Internet băng rộng cố định", "Fixed broadband", ["Internet cố định", "Dịch vụ Internet cố định", "Băng rộng cố định", "Dịch vụ Internet băng rộng cố định"], {
    ...thing("Internet băng rộng cố định", "fixed broadband"),
    hint: `Thôn có khả năng truy nhập Internet trên mạng băng rộng cố định mặt đất.`,
  }),
  f("internet_mobile", "yesno", "Internet băng rộng di động", "Mobile broadband", ["Internet di động", "Dịch vụ Internet di động", "Băng rộng di động", "Dịch vụ Internet băng rộng di động"], {
    ...thing("Internet băng rộng di động", "mobile broadband"),
    hint: `Thôn có khả năng truy nhập Internet trên mạng băng rộng di động mặt đất.`,
  }),
  f("loudspeaker", "yesno", "Có hệ thống loa hoạt động", "Operating loudspeaker system", ["Hệ thống loa hoạt động", "Có loa hoạt động", "Loa hoạt động", "Có hệ thống loa", "Hệ thống loa"], {
    ...thing("hệ thống loa hoạt động", "an operating loudspeaker system"),
    hint: `Thôn, bản có hệ thống loa hoạt động (chỉ tiêu 8.3 NTM: ít nhất 2/3 số thôn, bản).`,
  }),
  f("loudspeaker_regular", "yesno", "Loa hoạt động thường xuyên", "Loudspeakers operating regularly", ["Hệ thống loa hoạt động thường xuyên", "Có loa hoạt động thường xuyên"], {
    ...thing("loa hoạt động thường xuyên", "loudspeakers operating regularly"),
    hint: `Hệ thống loa của thôn, bản hoạt động thường xuyên (chỉ tiêu 8.3 NTM nâng cao).`,
  }),
  f("tv", "yesno", "Có hộ thu xem được truyền hình", "Households receive TV", ["Hộ thu xem được truyền hình", "Thu xem truyền hình", "Có hộ xem được truyền hình", "Truyền hình", "Có hộ gia đình thu xem được truyền hình"], {
    ...thing("hộ thu xem được truyền hình", "households receiving TV"),
    hint: `Thôn có hộ gia đình thu xem được 01 trong số các phương thức truyền hình vệ tinh, cáp, số mặt đất, truyền hình qua mạng Internet.`,
  }),
  f("providers", "text", "Doanh nghiệp cung cấp (VNPT, Viettel, MobiFone…)", "Providers", ["Doanh nghiệp cung cấp", "Doanh nghiệp viễn thông", "Nhà mạng", "Doanh nghiệp cung cấp dịch vụ"], { hint: "Doanh nghiệp viễn thông cung cấp dịch vụ tại thôn (VNPT, Viettel, MobiFone…)." }),
];

/** The postal-points table (one row per postal service point, điểm phục vụ bưu chính). */
export const POSTAL_FIELDS: readonly FieldDef[] = [
  COMMUNE,
  DISTRICT,
  f("postal_point", "text", "Tên điểm phục vụ bưu chính", "Postal service point", ["Điểm phục vụ bưu chính", "Tên điểm phục vụ", "Tên điểm BĐVHX", "Điểm BĐVHX", "Tên bưu cục", "Tên điểm bưu điện văn hóa xã"], { identifies: "postal", hint: "Tên điểm phục vụ bưu chính (điểm bưu điện văn hóa xã, bưu cục…); mỗi điểm một dòng, xã có nhiều điểm thì ghi đủ." }),
  ...POSTAL_POINT_FIELDS,
];

export const FIELDS_BY_KIND: Record<TableKind, readonly FieldDef[]> = {
  communes: COMMUNE_FIELDS,
  villages: VILLAGE_FIELDS,
  postal: POSTAL_FIELDS,
};

const ALL = new Map<string, FieldDef>();
for (const list of Object.values(FIELDS_BY_KIND)) for (const d of list) ALL.set(d.key, d);

/** The definition of a field key; throws on an unknown key, which is a programming error. */
export function field(key: string): FieldDef {
  const d = ALL.get(key);
  if (!d) throw new Error(`unknown field ${key}`);
  return d;
}
