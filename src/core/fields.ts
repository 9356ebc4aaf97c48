/**
 * The input schema (SPEC §4.2): every value TC8 reads, the canonical header the template writes,
 * the aliases real Lạng Sơn and national forms use, and a short label for explanations.
 * The rule set refers to these keys; the workbook reader matches headers against them. One place,
 * so a header alias or a label is added once.
 */

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
}

const HOURS = ["giờ", "gio", "h", "tiếng"];
const NEWS = ["tin", "bài", "tin bài", "tin, bài", "tin/tuần", "bài/tuần", "tin bài/tuần"];
const PEOPLE = ["người", "cbcc", "cán bộ", "lao động"];
const DOSSIERS = ["hồ sơ", "hs"];
const VILLAGES = ["thôn", "bản", "thôn, bản", "thôn bản"];
const POINTS = ["điểm", "địa chỉ", "hộ"];
const PRODUCTS = ["sản phẩm", "sp"];
const COMPUTERS = ["máy", "máy tính", "chiếc", "bộ"];
const PERCENT = ["%"];

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
const COMMUNE = f("commune", "text", "Tên xã", "Commune", ["Xã", "Tên xã, thị trấn", "Xã, thị trấn", "Xã/thị trấn", "Tên đơn vị hành chính cấp xã", "Tên xã/thị trấn", "Commune"], { identifies: "communes" });
const DISTRICT = f("district", "text", "Huyện", "District", ["Tên huyện", "Huyện, thành phố", "Huyện/thành phố", "Huyện, TP", "District"]);

/** Postal-point columns: a postal-points table, or one point per commune in the communes table. */
export const POSTAL_POINT_FIELDS: readonly FieldDef[] = [
  f("premises", "yesno", "Có mặt bằng, trang thiết bị phù hợp", "Suitable premises and equipment", ["Mặt bằng, trang thiết bị", "Có mặt bằng, trang thiết bị", "Mặt bằng, trang thiết bị phù hợp"]),
  f("sign", "yesno", "Có biển tên điểm phục vụ", "Name sign", ["Có treo biển tên điểm phục vụ", "Biển tên", "Có biển tên", "Biển tên điểm phục vụ"]),
  f("posted_info", "yesno", "Niêm yết giờ mở cửa, thông tin dịch vụ", "Opening hours and service information posted", ["Niêm yết giờ mở cửa", "Niêm yết thông tin", "Niêm yết giờ mở cửa và thông tin dịch vụ"]),
  f("hours_per_day", "number", "Số giờ mở cửa/ngày", "Opening hours per working day", ["Giờ mở cửa/ngày", "Thời gian mở cửa (giờ/ngày)", "Số giờ mở cửa phục vụ/ngày", "Thời gian mở cửa phục vụ", "Số giờ mở cửa", "Thời gian mở cửa"], { units: HOURS }),
  f("letters_2kg", "yesno", "Dịch vụ thư đến 2 kg", "Letters up to 2 kg", ["Thư đến 2 kg", "Dịch vụ thư có địa chỉ nhận đến 2 kg", "Dịch vụ thư"]),
  f("parcels_5kg", "yesno", "Dịch vụ gói, kiện đến 5 kg", "Packets and parcels up to 5 kg", ["Gói, kiện đến 5 kg", "Dịch vụ gói, kiện hàng hóa đến 5 kg", "Dịch vụ gói, kiện"]),
  f("online_service_support", "yesno", "Hỗ trợ người dân sử dụng DVC trực tuyến", "Helps citizens use online public services", ["Hỗ trợ DVC trực tuyến", "Nhân viên được tập huấn DVC trực tuyến", "Phục vụ DVC trực tuyến", "Hỗ trợ người dân sử dụng dịch vụ công trực tuyến"]),
];

/** Village counts, when villages come as counts in the communes table. */
export const VILLAGE_COUNT_FIELDS: readonly FieldDef[] = [
  f("villages_total", "count", "Tổng số thôn, bản", "Villages", ["Số thôn, bản", "Tổng số thôn", "Số thôn", "Tổng số thôn, bản, khối phố"], { units: VILLAGES }),
  f("villages_phone", "count", "Số thôn có dịch vụ điện thoại", "Villages with telephone service", ["Số thôn có điện thoại", "Số thôn, bản có dịch vụ điện thoại"], { units: VILLAGES }),
  f("villages_internet", "count", "Số thôn có dịch vụ Internet", "Villages with broadband Internet", ["Số thôn có Internet", "Số thôn có dịch vụ Internet băng rộng", "Số thôn, bản có dịch vụ Internet"], { units: VILLAGES }),
  f("villages_loudspeaker", "count", "Số thôn có loa hoạt động", "Villages with an operating loudspeaker system", ["Số thôn có hệ thống loa hoạt động", "Số thôn có loa", "Số thôn, bản có hệ thống loa hoạt động"], { units: VILLAGES }),
  f("villages_loudspeaker_regular", "count", "Số thôn có loa hoạt động thường xuyên", "Villages with loudspeakers operating regularly", ["Số thôn có hệ thống loa hoạt động thường xuyên", "Số thôn, bản có loa hoạt động thường xuyên"], { units: VILLAGES }),
  f("villages_tv", "count", "Số thôn có hộ thu xem truyền hình", "Villages with households receiving TV", ["Số thôn có hộ xem được truyền hình", "Số thôn thu xem được truyền hình", "Số thôn có hộ thu xem được truyền hình"], { units: VILLAGES }),
];

/** The communes table (one row per commune). */
export const COMMUNE_FIELDS: readonly FieldDef[] = [
  COMMUNE,
  f("code", "text", "Mã xã", "Commune code", ["Mã ĐVHC", "Mã đơn vị hành chính", "Mã"]),
  DISTRICT,
  f("area", "area", "Khu vực (Miền núi / Đồng bằng)", "Area", ["Khu vực", "Vùng", "Khu vực miền núi/đồng bằng", "Khu vực (miền núi, đồng bằng)", "Area"]),
  f("telecom_qcvn", "yesno", "Dịch vụ VT, Internet đáp ứng QCVN", "Telecom and Internet services meet QCVN", ["Đáp ứng QCVN", "Dịch vụ viễn thông, Internet đáp ứng quy chuẩn kỹ thuật quốc gia", "QCVN", "Dịch vụ viễn thông, Internet đáp ứng QCVN"]),
  f("radio_station", "yesno", "Có đài truyền thanh xã", "Commune radio station", ["Đài truyền thanh xã", "Có đài truyền thanh", "Đài truyền thanh"]),
  f("radio_relay", "yesno", "Tiếp sóng Đài TNVN, Đài PT-TH tỉnh", "Relays VOV and provincial radio-TV", ["Tiếp sóng", "Tiếp sóng Đài Tiếng nói Việt Nam, Đài Phát thanh và Truyền hình tỉnh", "Tiếp sóng Đài TNVN, Đài PTTH tỉnh", "Tiếp sóng VOV"]),
  f("radio_news_per_week", "number", "Số tin, bài tự sản xuất/tuần", "Self-produced news items per week", ["Số tin bài tự sản xuất/tuần", "Tin, bài tự sản xuất/tuần", "Số tin/tuần", "Số tin tự sản xuất trong tuần", "Số tin, bài/tuần"], { units: NEWS }),
  f("officials", "count", "Số cán bộ, công chức xã", "Commune officials", ["Số CBCC", "Tổng số CBCC", "Số cán bộ, công chức", "Tổng số cán bộ, công chức", "Tổng số cán bộ, công chức xã", "Số CBCC xã"], { units: PEOPLE }),
  f("officials_with_computer", "count", "Số CBCC có máy vi tính", "Officials with a computer", ["Số máy vi tính", "Số máy tính", "Số CBCC có máy tính", "Số máy vi tính phục vụ công tác"], { units: [...COMPUTERS, ...PEOPLE] }),
  f("computer_rate", "rate", "Tỷ lệ máy vi tính/CBCC (%)", "Computers per official (%)", ["Tỷ lệ máy vi tính/CBCC", "Tỷ lệ máy tính/CBCC", "Tỷ lệ máy vi tính/số cán bộ, công chức", "Tỷ lệ máy vi tính"], { units: PERCENT }),
  f("sw_qlvb", "yesno", "Sử dụng hệ thống QLVB và điều hành", "Uses the document management system", ["QLVB và điều hành", "Hệ thống quản lý văn bản và điều hành", "Phần mềm QLVB", "QLVB", "Sử dụng phần mềm QLVB"]),
  f("sw_email", "yesno", "Sử dụng thư điện tử công vụ", "Uses official e-mail", ["Thư điện tử công vụ", "Hệ thống thư điện tử công vụ", "Email công vụ"]),
  f("sw_mot_cua", "yesno", "Sử dụng Cổng DVC, một cửa điện tử", "Uses the public service portal and one-stop system", ["Cổng DVC, một cửa điện tử", "Một cửa điện tử", "Cổng dịch vụ công và Hệ thống thông tin một cửa điện tử", "Cổng DVC"]),
  f("website", "website", "Trang thông tin điện tử xã (địa chỉ)", "Commune website", ["Trang thông tin điện tử xã", "Trang TTĐT xã", "Trang TTĐT", "Địa chỉ trang TTĐT", "Website", "Địa chỉ trang thông tin điện tử"]),
  f("website_posts_year", "count", "Số tin, bài trên trang TTĐT trong năm", "Website posts in the year", ["Số tin bài/năm", "Số tin, bài/năm", "Tin, bài trên trang TTĐT/năm", "Số tin, bài trong năm"], { units: NEWS }),
  f("website_posts_min_month", "count", "Số tin, bài tháng ít nhất", "Website posts in the month with fewest", ["Số tin bài tháng thấp nhất", "Số tin, bài/tháng (thấp nhất)", "Số tin, bài tháng thấp nhất", "Số tin, bài/tháng ít nhất"], { units: NEWS }),
  f("dossiers_total", "count", "Tổng số hồ sơ TTHC đã giải quyết", "Administrative dossiers handled", ["Tổng số hồ sơ TTHC", "Tổng số hồ sơ", "Tổng số hồ sơ giải quyết TTHC", "Tổng số hồ sơ đã giải quyết"], { units: DOSSIERS }),
  f("dossiers_online", "count", "Số hồ sơ giải quyết trực tuyến", "Dossiers handled online", ["Số hồ sơ trực tuyến", "Hồ sơ trực tuyến", "Số hồ sơ giải quyết trực tuyến"], { units: DOSSIERS }),
  f("dossiers_online_rate", "rate", "Tỷ lệ hồ sơ trực tuyến (%)", "Dossiers handled online (%)", ["Tỷ lệ hồ sơ giải quyết trực tuyến", "Tỷ lệ hồ sơ trực tuyến"], { units: PERCENT }),
  f("working_age", "count", "Dân số trong độ tuổi lao động", "Working-age population", ["Số người trong độ tuổi lao động", "Dân số độ tuổi lao động", "Dân số trong độ tuổi LĐ"], { units: PEOPLE }),
  f("smartphone_users", "count", "Số người trong độ tuổi LĐ có thuê bao ĐTTM", "Working-age people with a smartphone subscription", ["Số thuê bao điện thoại thông minh", "Số người có thuê bao ĐTTM", "Số người sử dụng điện thoại thông minh", "Số thuê bao ĐTTM"], { units: PEOPLE }),
  f("smartphone_rate", "rate", "Tỷ lệ thuê bao ĐTTM (%)", "Smartphone subscriptions (%)", ["Tỷ lệ dân số trong độ tuổi LĐ có thuê bao ĐTTM", "Tỷ lệ sử dụng điện thoại thông minh", "Tỷ lệ thuê bao ĐTTM"], { units: PERCENT }),
  f("officials_trained", "count", "Số CBCC được bồi dưỡng kỹ năng số, ATTT", "Officials trained in digital skills and security", ["Số CBCC được bồi dưỡng kỹ năng số", "Số CBCC được tập huấn kỹ năng số, ATTT"], { units: PEOPLE }),
  f("officials_trained_rate", "rate", "Tỷ lệ CBCC được bồi dưỡng kỹ năng số, ATTT (%)", "Officials trained (%)", ["Tỷ lệ CBCC được bồi dưỡng kỹ năng số", "Tỷ lệ CBCC được bồi dưỡng kỹ năng số, ATTT"], { units: PERCENT }),
  f("citizens_trained", "count", "Số người trong độ tuổi LĐ được phổ biến kỹ năng số", "Working-age people given digital-skills training", ["Số người dân được phổ biến kỹ năng số", "Số người được phổ biến kỹ năng số"], { units: PEOPLE }),
  f("citizens_trained_rate", "rate", "Tỷ lệ người dân được phổ biến kỹ năng số (%)", "Citizens trained (%)", ["Tỷ lệ người trong độ tuổi LĐ được phổ biến kỹ năng số", "Tỷ lệ người dân được phổ biến kỹ năng số"], { units: PERCENT }),
  f("publication_points", "count", "Số điểm cung cấp xuất bản phẩm", "Points providing publications", ["Điểm cung cấp xuất bản phẩm", "Số điểm xuất bản phẩm"], { units: POINTS }),
  f("ocop_products", "count", "Số sản phẩm OCOP", "OCOP products", ["Tổng số sản phẩm OCOP", "Sản phẩm OCOP"], { units: PRODUCTS }),
  f("ocop_online", "count", "Số sản phẩm OCOP trên sàn TMĐT", "OCOP products on e-commerce platforms", ["Số sản phẩm OCOP trên sàn thương mại điện tử", "OCOP trên sàn TMĐT"], { units: PRODUCTS }),
  f("ocop_online_rate", "rate", "Tỷ lệ sản phẩm OCOP trên sàn TMĐT (%)", "OCOP products online (%)", ["Tỷ lệ sản phẩm OCOP trên sàn TMĐT"], { units: PERCENT }),
  f("address_points", "count", "Số hộ, cơ quan, tổ chức, khu di tích", "Households, agencies, organisations and relic sites", ["Tổng số điểm địa chỉ", "Số điểm địa chỉ", "Tổng số hộ, cơ quan, tổ chức, khu di tích"], { units: POINTS }),
  f("address_plates", "count", "Số điểm đã gắn biển địa chỉ số", "Places tagged with a digital address plate", ["Số điểm gắn biển địa chỉ số", "Số biển địa chỉ số đã gắn", "Số điểm được gắn biển địa chỉ số"], { units: POINTS }),
  f("address_plates_rate", "rate", "Tỷ lệ gắn biển địa chỉ số (%)", "Digital address plates (%)", ["Tỷ lệ gắn biển địa chỉ số", "Tỷ lệ điểm được gắn biển địa chỉ số"], { units: PERCENT }),
  f("satisfaction_survey", "yesno", "Tổ chức lấy ý kiến sự hài lòng của người dân", "Citizen satisfaction survey held", ["Lấy ý kiến sự hài lòng", "Khảo sát sự hài lòng", "Lấy ý kiến sự hài lòng của người dân"]),
  f("wifi_ubnd", "yesno", "Wifi miễn phí tại UBND xã", "Free Wi-Fi at the commune People's Committee", ["Wifi UBND xã", "Wifi miễn phí UBND xã", "Wi-Fi miễn phí tại UBND xã"]),
  f("wifi_nha_van_hoa", "yesno", "Wifi miễn phí tại nhà văn hóa xã", "Free Wi-Fi at the commune cultural house", ["Wifi nhà văn hóa xã", "Wifi miễn phí nhà văn hóa xã", "Wi-Fi miễn phí tại nhà văn hóa xã"]),
  f("wifi_tram_y_te", "yesno", "Wifi miễn phí tại trạm y tế", "Free Wi-Fi at the health station", ["Wifi trạm y tế", "Wifi miễn phí trạm y tế", "Wi-Fi miễn phí tại trạm y tế", "Wifi miễn phí tại trạm y tế xã"]),
  f("wifi_quality", "yesno", "Wifi đáp ứng chất lượng, ATTT", "Wi-Fi meets quality and security rules", ["Wifi đáp ứng chất lượng", "Mạng wifi đáp ứng chất lượng dịch vụ, ATTT", "Wifi miễn phí đáp ứng chất lượng, ATTT"]),
  f("wifi_other_places", "count", "Số điểm công cộng khác có wifi miễn phí", "Other public places with free Wi-Fi", ["Số điểm wifi khuyến khích", "Điểm công cộng khác có wifi", "Số điểm công cộng khác có wifi", "Wifi miễn phí tại điểm công cộng khác"], { units: POINTS }),
  ...VILLAGE_COUNT_FIELDS,
  ...POSTAL_POINT_FIELDS,
];

/** The villages table (one row per village, thôn / bản). */
export const VILLAGE_FIELDS: readonly FieldDef[] = [
  COMMUNE,
  DISTRICT,
  f("village", "text", "Tên thôn, bản", "Village", ["Thôn, bản", "Tên thôn", "Thôn", "Tên thôn/bản", "Thôn/bản", "Tên thôn, bản, khối phố", "Village"], { identifies: "villages" }),
  f("phone_fixed", "yesno", "Điện thoại cố định", "Fixed telephone", ["ĐT cố định", "Điện thoại cố định mặt đất", "Dịch vụ điện thoại cố định"]),
  f("phone_mobile", "yesno", "Điện thoại di động", "Mobile telephone", ["ĐT di động", "Dịch vụ điện thoại di động", "Điện thoại di động mặt đất"]),
  f("phone_any", "yesno", "Có dịch vụ điện thoại", "Telephone service (fixed or mobile)", ["Dịch vụ điện thoại", "Điện thoại", "Có điện thoại"]),
  f("internet_any", "yesno", "Có dịch vụ Internet", "Broadband Internet (fixed or mobile)", ["Dịch vụ Internet", "Internet", "Có Internet", "Internet băng rộng"]),
  f("internet_fixed", "yesno", "Internet băng rộng cố định", "Fixed broadband", ["Internet cố định", "Dịch vụ Internet cố định", "Băng rộng cố định", "Dịch vụ Internet băng rộng cố định"]),
  f("internet_mobile", "yesno", "Internet băng rộng di động", "Mobile broadband", ["Internet di động", "Dịch vụ Internet di động", "Băng rộng di động", "Dịch vụ Internet băng rộng di động"]),
  f("loudspeaker", "yesno", "Có hệ thống loa hoạt động", "Operating loudspeaker system", ["Hệ thống loa hoạt động", "Có loa hoạt động", "Loa hoạt động", "Có hệ thống loa", "Hệ thống loa"]),
  f("loudspeaker_regular", "yesno", "Loa hoạt động thường xuyên", "Loudspeakers operating regularly", ["Hệ thống loa hoạt động thường xuyên", "Có loa hoạt động thường xuyên"]),
  f("tv", "yesno", "Có hộ thu xem được truyền hình", "Households receive TV", ["Hộ thu xem được truyền hình", "Thu xem truyền hình", "Có hộ xem được truyền hình", "Truyền hình", "Có hộ gia đình thu xem được truyền hình"]),
  f("providers", "text", "Doanh nghiệp cung cấp (VNPT, Viettel, MobiFone…)", "Providers", ["Doanh nghiệp cung cấp", "Doanh nghiệp viễn thông", "Nhà mạng", "Doanh nghiệp cung cấp dịch vụ"]),
];

/** The postal-points table (one row per postal service point, điểm phục vụ bưu chính). */
export const POSTAL_FIELDS: readonly FieldDef[] = [
  COMMUNE,
  DISTRICT,
  f("postal_point", "text", "Tên điểm phục vụ bưu chính", "Postal service point", ["Điểm phục vụ bưu chính", "Tên điểm phục vụ", "Tên điểm BĐVHX", "Điểm BĐVHX", "Tên bưu cục", "Tên điểm bưu điện văn hóa xã"], { identifies: "postal" }),
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
