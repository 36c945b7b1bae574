package org.inspectflow.enterprise.seed;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.inspectflow.enterprise.importing.EnterpriseCsv;
import org.inspectflow.enterprise.monitoring.MonitoringRegister.Company;
import org.inspectflow.enterprise.monitoring.MonitoringRegister.Engagement;
import org.inspectflow.enterprise.monitoring.MonitoringRegister.ServiceType;
import org.inspectflow.enterprise.register.domain.SyntheticUscc;

/**
 * The demo register: synthetic enterprises across six Shenzhen districts (synthetic USCCs that pass the check, never
 * real companies' codes), the two demo enterprises whose users exist in Keycloak, ten monitoring companies — one
 * with more than fifty clients, for the fraud trace — and a little history, so that risk tiers differ. Generated from
 * a fixed seed: every start makes the same register.
 */
final class SeedData {

	/** The demo enterprise of {@code enterprise1}. */
	static final String DEMO_FUTIAN = "914403040000DM001P";

	/** The demo enterprise of {@code enterprise2}. */
	static final String DEMO_NANSHAN = "914403050000DM0029";

	private static final District[] DISTRICTS = {
			new District("440303", "罗湖区", 22.555, 114.135, 0.018, 0.030, new String[] { "黄贝", "东门", "翠竹", "笋岗", "清水河", "莲塘" }),
			new District("440304", "福田区", 22.545, 114.050, 0.015, 0.035, new String[] { "园岭", "南园", "沙头", "梅林", "华强北", "福保" }),
			new District("440305", "南山区", 22.545, 113.935, 0.030, 0.030, new String[] { "南头", "蛇口", "粤海", "桃源", "西丽", "沙河" }),
			new District("440306", "宝安区", 22.660, 113.860, 0.060, 0.040, new String[] { "新安", "西乡", "福永", "沙井", "松岗", "石岩" }),
			new District("440307", "龙岗区", 22.690, 114.240, 0.040, 0.060, new String[] { "平湖", "坂田", "布吉", "横岗", "龙城", "坪地" }),
			new District("440309", "龙华区", 22.680, 114.030, 0.030, 0.030, new String[] { "观湖", "民治", "龙华", "大浪", "福城", "观澜" }) };

	private static final Industry[] INDUSTRIES = {
			new Industry("C3360", "金属表面处理及热处理加工", new String[] { "电镀", "表面处理" }, 0.35),
			new Industry("C1713", "棉印染精加工", new String[] { "印染", "纺织印染" }, 0.30),
			new Industry("C3982", "电子电路制造", new String[] { "电路板", "线路板" }, 0.30),
			new Industry("C2641", "涂料制造", new String[] { "涂料", "化工涂料" }, 0.25),
			new Industry("C2710", "化学药品原料药制造", new String[] { "制药", "药业" }, 0.40),
			new Industry("C2662", "专项化学用剂制造", new String[] { "化工", "精细化工" }, 0.30),
			new Industry("C2929", "塑料零件及其他塑料制品制造", new String[] { "塑胶制品", "塑胶" }, 0.05),
			new Industry("C2319", "包装装潢及其他印刷", new String[] { "印刷", "彩印" }, 0.08),
			new Industry("C3311", "金属结构制造", new String[] { "五金", "金属制品" }, 0.05),
			new Industry("C3670", "汽车零部件及配件制造", new String[] { "汽车配件", "汽配" }, 0.05) };

	private static final String[] WORDS = { "华泰", "鑫达", "宏源", "永盛", "恒通", "金辉", "富强", "长城", "新世纪", "天成", "瑞丰",
			"海润", "中恒", "佳美", "联发", "盛世", "嘉信", "利源", "安达", "明辉", "振华", "兴业", "东方", "创新", "志诚", "德邦", "晨光",
			"卓越", "万通", "润泽" };

	private static final String[] ROADS = { "工业", "创业", "科技", "建设", "人民", "环城", "兴华", "龙岗", "深南", "宝安" };

	/**
	 * The codes of the past violations: the codes officers record them with in workflow-service's verification API
	 * ({@code [A-Z0-9_]+}, the portal's {@code VIOLATION_TYPES}; two of them on the province's first-offence list of
	 * {@code FirstOffenceExemption.dmn}), so that the 12-month look-back of a new violation ({@code CheckFirstOffence},
	 * which compares codes) finds them. Five entries, drawn as before, so the register and its tiers stay the same.
	 */
	static final String[] VIOLATIONS = {
			// 水污染防治法 art. 83 (3): evading supervision, e.g. not running the water treatment facilities normally
			"TREATMENT_FACILITY_NOT_RUNNING",
			// 大气污染防治法 art. 99 (2): air pollutants above the emission standard
			"DISCHARGE_EXCEEDS_STANDARD",
			// 大气污染防治法 art. 108 (5): dust not enclosed, fenced, covered or damped (first-offence list)
			"DUST_COVER_MISSING",
			// 固体废物污染环境防治法: hazardous waste without its identification label (first-offence list)
			"HAZARDOUS_WASTE_LABEL_MISSING",
			// 噪声污染防治法 art. 75: industrial noise above the emission standard
			"DISCHARGE_EXCEEDS_STANDARD" };

	private SeedData() {
	}

	/** The register as an import file, so that seed data passes exactly the checks an import does. */
	static String enterprisesCsv(int count) {
		Random random = new Random(20261129L);
		StringWriter csv = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
			printer.printRecord(EnterpriseCsv.IMPORT_COLUMNS);
			printer.printRecord(DEMO_FUTIAN, "福田示范电镀有限公司", "深圳市福田区沙头街道示范路1号", 22.521907, 114.058911,
					"440304", "440304003", null, "C3360", "金属表面处理及热处理加工", DEMO_FUTIAN + "001P", true);
			printer.printRecord(DEMO_NANSHAN, "南山示范印染有限公司", "深圳市南山区西丽街道示范路2号", 22.580310, 113.951820,
					"440305", "440305005", null, "C1713", "棉印染精加工", DEMO_NANSHAN + "001P", true);
			for (int i = 1; i <= count - 2; i++) {
				District district = DISTRICTS[i % DISTRICTS.length];
				Industry industry = INDUSTRIES[random.nextInt(INDUSTRIES.length)];
				String uscc = SyntheticUscc.of(district.code(), i);
				boolean keyPollutant = random.nextDouble() < industry.keyPollutantShare();
				// most have a permit; a few key pollutant units have none on record (they show up as MEDIUM)
				boolean permit = keyPollutant ? random.nextDouble() < 0.95 : random.nextDouble() < 0.6;
				int street = 1 + random.nextInt(district.streets().length);
				String name = "深圳市" + WORDS[random.nextInt(WORDS.length)] + WORDS[random.nextInt(WORDS.length)]
						+ industry.suffixes()[random.nextInt(industry.suffixes().length)] + "有限公司";
				String address = "深圳市" + district.name() + district.streets()[street - 1] + "街道"
						+ ROADS[random.nextInt(ROADS.length)] + "路" + (1 + random.nextInt(300)) + "号";
				double latitude = round(district.latitude() + random.nextGaussian() * district.latSpread() / 2);
				double longitude = round(district.longitude() + random.nextGaussian() * district.lonSpread() / 2);
				latitude = Math.max(22.45, Math.min(22.85, latitude));
				longitude = Math.max(113.76, Math.min(114.60, longitude));
				printer.printRecord(uscc, name, address, latitude, longitude, district.code(),
						district.code() + String.format("%03d", street), null, industry.code(), industry.name(),
						permit ? uscc + "001" + (keyPollutant ? "P" : "V") : null, keyPollutant);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return csv.toString();
	}

	/** The synthetic USCC of the {@code i}-th generated enterprise (1-based), as {@link #enterprisesCsv} makes it. */
	static String usccOf(int i) {
		return SyntheticUscc.of(DISTRICTS[i % DISTRICTS.length].code(), i);
	}

	static List<Company> companies() {
		String[] names = { "深圳市恒信环境检测技术有限公司", "深圳市绿源环境监测有限公司", "深圳市清泉检测技术有限公司", "深圳市碧水环保科技有限公司",
				"深圳市蓝天环境检测有限公司", "深圳市中环检测认证有限公司", "深圳市华检环境技术有限公司", "深圳市安测环境科技有限公司",
				"深圳市正源检测技术有限公司", "深圳市南方环境监测有限公司" };
		List<Company> companies = new ArrayList<>();
		for (int i = 0; i < names.length; i++) {
			companies.add(new Company(SyntheticUscc.of("440305", 9_000_000 + i), names[i],
					"粤环监测认证〔2024〕" + (101 + i) + "号"));
		}
		return companies;
	}

	/**
	 * Engagements of the companies with the generated enterprises: the first company serves 60 clients (the
	 * Yongkang-style trace has something to find), the others 5 to 30.
	 */
	static List<Engagement> engagements(int enterpriseCount) {
		Random random = new Random(4403L);
		List<Company> companies = companies();
		List<Engagement> engagements = new ArrayList<>();
		ServiceType[] types = ServiceType.values();
		int sequence = 0;
		for (int c = 0; c < companies.size(); c++) {
			int clients = c == 0 ? 60 : 5 + random.nextInt(26);
			for (int k = 0; k < clients; k++) {
				int enterprise = 1 + random.nextInt(enterpriseCount - 2);
				LocalDate from = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(700));
				LocalDate to = from.plusMonths(6 + random.nextInt(24));
				engagements.add(new Engagement(String.format("ENG-%05d", ++sequence), usccOf(enterprise),
						companies.get(c).uscc(), types[random.nextInt(types.length)], from, to));
			}
		}
		return engagements;
	}

	/** A little synthetic history: some enterprises with one violation in the past year, some with two, a few serious. */
	static List<PastViolation> history(int enterpriseCount, LocalDate today) {
		Random random = new Random(12369L);
		List<PastViolation> history = new ArrayList<>();
		int caseNumber = 0;
		for (int i = 1; i <= enterpriseCount - 2; i++) {
			double draw = random.nextDouble();
			int violations = draw < 0.015 ? 2 : draw < 0.06 ? 1 : 0;
			for (int v = 0; v < violations; v++) {
				boolean serious = random.nextDouble() < 0.15;
				history.add(new PastViolation(usccOf(i), String.format("CASE-SEED-%06d", ++caseNumber),
						VIOLATIONS[random.nextInt(VIOLATIONS.length)], today.minusDays(20 + random.nextInt(330)),
						serious));
			}
		}
		return history;
	}

	/** Enterprises for the positive list: about one in twelve of those without history. */
	static List<String> positiveList(int enterpriseCount, List<PastViolation> history) {
		Random random = new Random(7L);
		java.util.Set<String> withHistory = new java.util.HashSet<>();
		history.forEach((violation) -> withHistory.add(violation.uscc()));
		List<String> listed = new ArrayList<>();
		for (int i = 1; i <= enterpriseCount - 2; i++) {
			String uscc = usccOf(i);
			if (!withHistory.contains(uscc) && random.nextDouble() < 0.08) {
				listed.add(uscc);
			}
		}
		return listed;
	}

	private static double round(double degrees) {
		return Math.round(degrees * 1_000_000) / 1_000_000.0;
	}

	record PastViolation(String uscc, String caseId, String violationType, LocalDate date, boolean serious) {
	}

	private record District(String code, String name, double latitude, double longitude, double latSpread,
			double lonSpread, String[] streets) {
	}

	private record Industry(String code, String name, String[] suffixes, double keyPollutantShare) {
	}

}
