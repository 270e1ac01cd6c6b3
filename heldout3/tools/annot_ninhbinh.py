from emit import *
S = "ninhbinh-bvdk-kh-cai-tien-chat-luong-2024"
R, G = "result", "target"
doc(S, "Kế hoạch", "57/KH-BVĐK", "2024-02-26", "Ninh Bình", "BỆNH VIỆN ĐA KHOA TỈNH")
write("legal_refs", S, [
 LR("15/2023/QH15", "Luật", "2023-01-09", "Luật Khám bệnh, chữa bệnh số 15/2023/QH15 ngày 09 tháng 01 năm 2023"),
 LR("19/2013/TT-BYT", "Thông tư", "2013-07-12", "Thông tư số 19/2013/TT-BYT ngày 12/7/2013"),
 LR("6858/QĐ-BYT", "Quyết định", "2016-11-18", "Quyết định số 6858/QĐ-BYT ngày 18/11/2016"),
 LR("46/2018/TT-BYT", "Thông tư", "2018-12-28", "Thông tư số 46/2018/TT-BYT ngày 28/12/2018"),
 LR("35/KH-SYT", "Kế hoạch", "2024-01-30", "Kế hoạch số 35/KH-SYT ngày 30/01/2024"),
 LR("412/BC-BVĐK", "Báo cáo", "2023-12-15", "Báo cáo số 412/BC-BVĐK ngày 15/12/2023"),
 LR("3869/QĐ-BYT", "Quyết định", "2019-08-28", "Quyết định số 3869/QĐ-BYT ngày 28/8/2019"),
 LR("5969/QĐ-BYT", "Quyết định", "2018-12-17", "Quyết định số 5969/QĐ-BYT ngày 17/12/2018"),
 LR("186/SYT-NVY", "Công văn", "2024-02-20", "Văn bản số 186/SYT-NVY ngày 20/02/2024"),
 LR("57/KH-BVĐK", "Kế hoạch", "2024-02-26", "Kế hoạch số 57/KH-BVĐK ngày 26/02/2024", True),
])
write("targets", S, [
 T("đạt tối thiểu 3,65 điểm", 3.65, "điểm", ">=", "Tối thiểu", "điểm trung bình chung các tiêu chí chất lượng bệnh viện", G),
 T("năm 2023 đạt 3,52 điểm", 3.52, "điểm", "=", "Đạt", "điểm trung bình chung các tiêu chí chất lượng bệnh viện năm 2023", R),
 T("nội trú đạt từ 95% trở lên", 95, "%", ">=", "từ ... trở lên", "tỷ lệ hài lòng của người bệnh nội trú", G),
 T("ngoại trú đạt từ 90% trở lên", 90, "%", ">=", "từ ... trở lên", "tỷ lệ hài lòng của người bệnh ngoại trú", G),
 T("không quá 45 phút", 45, "phút", "<=", "Không quá", "thời gian chờ khám trung bình của người bệnh ngoại trú", G),
 T("nhiễm khuẩn bệnh viện dưới 3%", 3, "%", "<", "Dưới", "tỷ lệ nhiễm khuẩn bệnh viện", G),
 T("100% khoa lâm sàng thực hiện giám sát", 100, "%", "=", None, "khoa lâm sàng thực hiện giám sát tuân thủ vệ sinh tay", G),
 T("tỷ lệ tuân thủ đạt trên 85%", 85, "%", ">", "Trên", "tỷ lệ tuân thủ vệ sinh tay", G),
 T("bệnh án điện tử tại 100% khoa lâm sàng", 100, "%", "=", None, "khoa lâm sàng triển khai bệnh án điện tử", G),
 T("ít nhất 02 đề án cải tiến chất lượng", 2, "đề án", ">=", "Ít nhất", "đề án cải tiến chất lượng mỗi khoa, phòng", G),
 T("tiền mặt đạt 50%", 50, "%", "=", "Phấn đấu", "tỷ lệ giao dịch thanh toán viện phí không dùng tiền mặt", G),
 T("ít nhất 04 lớp đào tạo liên tục", 4, "lớp", ">=", "Ít nhất", "lớp đào tạo liên tục về quản lý chất lượng và an toàn người bệnh", G),
])
write("deadlines", S, [
 D("trước ngày 30/9/2024", "before", end="2024-09-30"),
 D("từ ngày 01/10/2024", "range", start="2024-10-01"),
 D("định kỳ hằng tháng", "recurring", rrule="FREQ=MONTHLY"),
 D("hằng quý", "recurring", rrule="FREQ=MONTHLY;INTERVAL=3"),
 D("định kỳ 6 tháng một lần", "recurring", rrule="FREQ=MONTHLY;INTERVAL=6"),
 D("khi có yêu cầu", "on_request"),
 D("trước ngày 15/3/2024", "before", end="2024-03-15"),
 D("Tháng 3/2024", "month", "2024-03-01", "2024-03-31"),
 D("Tháng 4 - 9/2024", "range", "2024-04-01", "2024-09-30"),
 D("Hằng tháng", "recurring", rrule="FREQ=MONTHLY", occ=2),
 D("Quý I, III/2024", "quarter", "2024-01-01", "2024-03-31"),
 D("Quý I, III/2024", "quarter", "2024-07-01", "2024-09-30", occ=1, part=2),
 D("Trước 30/6/2024", "before", end="2024-06-30"),
 D("Tháng 6/2024", "month", "2024-06-01", "2024-06-30"),
 D("Tháng 11/2024", "month", "2024-11-01", "2024-11-30"),
 D("Quý II/2024", "quarter", "2024-04-01", "2024-06-30"),
])
QL = "Phòng Quản lý chất lượng"; KH = "Phòng Kế hoạch tổng hợp"; IT = "Phòng Công nghệ thông tin"
write("tasks", S, [
 K("Kiện toàn hệ thống quản lý chất lượng: rà soát, kiện toàn", [], [], None, None, "list"),
 K("Triển khai các đề án cải tiến chất lượng theo nguyên tắc PDCA", [], [], "định kỳ hằng tháng", None, "list"),
 K("Khảo sát sự hài lòng người bệnh, nhân viên y tế hằng quý", [], [], "hằng quý", None, "list"),
 K("Tự kiểm tra, đánh giá chất lượng bệnh viện định kỳ", [], [], "định kỳ 6 tháng một lần", None, "list"),
 K("Ứng dụng công nghệ thông tin: duy trì liên thông dữ liệu", [], [], None, None, "list"),
 K("Đào tạo, nâng cao năng lực: tổ chức ít nhất", [], [], "khi có yêu cầu", None, "list"),
 K("Là đầu mối, chủ trì xây dựng và hướng dẫn", [QL], [], None, None, "list"),
 K("Phối hợp với Phòng Quản lý chất lượng giám sát", [KH], [QL], None, None, "list"),
 K("Bố trí kinh phí thực hiện Kế hoạch theo quy chế", ["Phòng Tài chính kế toán"], [], None, None, "list"),
 K("Căn cứ Kế hoạch này, xây dựng đề án cải tiến", ["Các khoa, phòng"], [], "trước ngày 15/3/2024", "đề án cải tiến chất lượng của đơn vị", "list"),
 K("Kiện toàn Hội đồng quản lý chất lượng bệnh viện", ["Phòng Tổ chức cán bộ"], [QL], "Tháng 3/2024", None, "table"),
 K("Triển khai bệnh án điện tử tại các khoa lâm sàng", [IT], [KH, "Các khoa lâm sàng"], "Tháng 4 - 9/2024", None, "table"),
 K("Giám sát tuân thủ vệ sinh tay và phòng ngừa", ["Khoa Kiểm soát nhiễm khuẩn"], ["Các khoa lâm sàng"], "Hằng tháng", None, "table"),
 K("Khảo sát hài lòng người bệnh nội trú, ngoại trú", [QL], ["Phòng Điều dưỡng", "Phòng Công tác xã hội"], "Quý I, III/2024", None, "table"),
 K("Cải tiến quy trình khám bệnh, giảm thời gian chờ", ["Khoa Khám bệnh"], [KH, IT], "Trước 30/6/2024", None, "table"),
 K("Tự kiểm tra, đánh giá chất lượng bệnh viện năm 2024", [QL], ["Các khoa, phòng"], "Tháng 6/2024 Tháng 11/2024", None, "table"),
 K("Đào tạo liên tục về an toàn người bệnh", ["Phòng Điều dưỡng"], ["Trung tâm Đào tạo - Chỉ đạo tuyến"], "Quý II/2024", None, "table"),
])
