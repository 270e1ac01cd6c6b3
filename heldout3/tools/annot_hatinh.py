from emit import *
S = "hatinh-ubnd-tb-ket-luan-giai-ngan-2024"
R, G = "result", "target"
doc(S, "Thông báo", "287/TB-UBND", "2024-08-21", "Hà Tĩnh", "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH")
write("legal_refs", S, [
 LR("356/BC-SKHĐT", "Báo cáo", "2024-08-14", "Báo cáo số 356/BC-SKHĐT ngày 14/8/2024"),
 LR("38/2023/NĐ-CP", "Nghị định", "2023-06-24", "Nghị định số 38/2023/NĐ-CP ngày 24/6/2023"),
 LR("55/2023/TT-BTC", "Thông tư", "2023-08-15", "Thông tư số 55/2023/TT-BTC ngày 15/8/2023"),
 LR("01/NQ-CP", "Nghị quyết", "2024-01-05", "Nghị quyết số 01/NQ-CP ngày 05/01/2024"),
 LR("02/CT-UBND", "Chỉ thị", "2024-01-15", "Chỉ thị số 02/CT-UBND ngày 15/01/2024"),
 LR("Luật Đất đai 2024", "Luật", None, "Luật Đất đai năm 2024"),
 LR("88/2024/NĐ-CP", "Nghị định", "2024-07-15", "Nghị định số 88/2024/NĐ-CP ngày 15/7/2024"),
 LR("41-QĐ/TW", "Quy định", "2021-11-03", "Quy định số 41-QĐ/TW ngày 03/11/2021"),
 LR("112/2020/NĐ-CP", "Nghị định", None, "Nghị định số 112/2020/NĐ-CP"),
 LR("21-KL/TW", "Kết luận", None, "Kết luận số 21-KL/TW"),
 LR("195/TB-UBND", "Thông báo", "2024-06-12", "Thông báo số 195/TB- UBND ngày 12/6/2024"),
])
write("targets", S, [
 T("mới giải ngân được 2.518 tỷ đồng", 2518, "tỷ đồng", "=", None, "vốn đầu tư công năm 2024 đã giải ngân", R),
 T("đạt 36,8% kế hoạch", 36.8, "%", "=", "Đạt", "tỷ lệ giải ngân vốn đầu tư công", R),
 T("Có 09/23 chủ đầu tư giải ngân dưới 30%", 9, "chủ đầu tư", "=", None, "chủ đầu tư giải ngân dưới 30%", R),
 T("mới giải ngân đạt 28,4%", 28.4, "%", "=", "Đạt", "tỷ lệ giải ngân vốn các chương trình mục tiêu quốc gia", R),
 T("mục tiêu giải ngân 100% kế hoạch vốn năm 2024", 100, "%", "=", "Phấn đấu", "giải ngân kế hoạch vốn đầu tư công năm 2024", G),
 T("đạt tối thiểu 60% kế hoạch vốn", 60, "%", ">=", "Tối thiểu", "tỷ lệ giải ngân đến hết ngày 30/9/2024", G),
 T("đạt trên 90%", 90, "%", ">", "Trên", "tỷ lệ giải ngân đến ngày 31/12/2024", G),
 T("đạt tối thiểu 95%", 95, "%", ">=", "Tối thiểu", "giải ngân vốn các chương trình mục tiêu quốc gia năm 2024", G),
 T("không quá 03 ngày làm việc", 3, "ngày làm việc", "<=", "Không quá", "thời gian kiểm soát hồ sơ thanh toán", G),
])
write("deadlines", S, [
 D("đến hết ngày 30/9/2024", "before", end="2024-09-30"),
 D("đến ngày 31/12/2024", "before", end="2024-12-31"),
 D("trước ngày 05/9/2024", "before", end="2024-09-05"),
 D("vào thứ Sáu hằng tuần", "recurring", rrule="FREQ=WEEKLY;BYDAY=FR"),
 D("trong tháng 10/2024", "month", "2024-10-01", "2024-10-31"),
 D("trước ngày 31/8/2024", "before", end="2024-08-31"),
 D("trước ngày 31/01/2025", "before", end="2025-01-31"),
 D("thường xuyên", "ongoing"),
 D("khi có yêu cầu", "on_request"),
 D("trong Quý IV/2024", "quarter", "2024-10-01", "2024-12-31"),
 D("trước ngày 15/12/2024", "before", end="2024-12-15"),
])
L = "list"
write("tasks", S, [
 K("Xây dựng kế hoạch giải ngân chi tiết theo từng tháng", ["Các chủ đầu tư"], [], "đến hết ngày 30/9/2024", "kế hoạch giải ngân chi tiết", L),
 K("Giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính", ["Sở Kế hoạch và Đầu tư"], ["Sở Tài chính", "Kho bạc Nhà nước Hà Tĩnh"], "trước ngày 05/9/2024", None, L),
 K("UBND các huyện, thành phố, thị xã chủ trì, phối hợp với Trung tâm", ["Ủy ban nhân dân các huyện, thành phố, thị xã"], ["Trung tâm Phát triển quỹ đất tỉnh"], "trong tháng 10/2024", None, L),
 K("Sở Tài nguyên và Môi trường chủ trì, phối hợp với Sở Xây dựng", ["Sở Tài nguyên và Môi trường"], ["Sở Xây dựng"], "trước ngày 31/8/2024", None, L),
 K("Giao Sở Lao động - Thương binh và Xã hội, Sở Nông nghiệp", ["Sở Lao động - Thương binh và Xã hội", "Sở Nông nghiệp và Phát triển nông thôn", "Ban Dân tộc tỉnh"], ["Sở Tài chính"], "trước ngày 31/01/2025", None, L),
 K("Kiểm soát chi nhanh gọn, đúng quy định", ["Kho bạc Nhà nước Hà Tĩnh"], [], None, None, L),
 K("Sở Xây dựng, Sở Giao thông vận tải thường xuyên kiểm tra", ["Sở Xây dựng", "Sở Giao thông vận tải"], [], "thường xuyên", None, L),
 K("Giao Thanh tra tỉnh tổ chức thanh tra trách nhiệm", ["Thanh tra tỉnh"], [], "trong Quý IV/2024", None, L),
 K("Sở Nội vụ căn cứ kết quả giải ngân, tham mưu", ["Sở Nội vụ"], [], "trước ngày 15/12/2024", None, L),
 K("Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện", ["Văn phòng Ủy ban nhân dân tỉnh"], [], None, None, L),
])
