package org.inspectflow.enterprise.register;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.inspectflow.enterprise.TestRegister;
import org.inspectflow.enterprise.importing.RegisterImport;
import org.inspectflow.enterprise.register.domain.Geohash;
import org.inspectflow.enterprise.register.domain.SyntheticUscc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The nearest-enterprise search through geohash prefix ranges on the MongoDB-wire server, which has no geo query. */
class NearestEnterpriseTest {

	static TestRegister test;

	static EnterpriseRegister register;

	// a cell boundary near the Futian demo site: a search point just west of it, enterprises east of it
	static final double WIDTH = 360 / Math.pow(2, 15); // a precision-6 cell's width in degrees

	static final double EDGE = (Math.floor((114.058911 + 180) / WIDTH) + 1) * WIDTH - 180;

	static final double LAT = 22.5205;

	static final double METRES_PER_DEGREE_LON = 111_195 * Math.cos(Math.toRadians(LAT));

	static final String ACROSS = SyntheticUscc.of("440304", 1);

	static final String FARTHER = SyntheticUscc.of("440304", 2);

	static final String OUTSIDE = SyntheticUscc.of("440304", 3);

	@BeforeAll
	static void register() {
		test = TestRegister.start(Clock.systemUTC());
		register = test.get(EnterpriseRegister.class);
		String csv = "uscc,name,latitude,longitude,district\n"
				+ ACROSS + ",跨界最近有限公司," + LAT + "," + (EDGE + 120 / METRES_PER_DEGREE_LON) + ",440304\n"
				+ FARTHER + ",稍远有限公司," + LAT + "," + (EDGE + 300 / METRES_PER_DEGREE_LON) + ",440304\n"
				+ OUTSIDE + ",半径之外有限公司," + LAT + "," + (EDGE - 700 / METRES_PER_DEGREE_LON) + ",440304\n";
		test.get(RegisterImport.class).importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
	}

	@AfterAll
	static void stop() {
		test.close();
	}

	@Test
	void findsTheNearestSiteInTheNeighbouringCell() {
		double west = EDGE - 5 / METRES_PER_DEGREE_LON;
		assertThat(Geohash.encode(LAT, west, 6)).isNotEqualTo(Geohash.encode(LAT, EDGE + 120 / METRES_PER_DEGREE_LON, 6));
		EnterpriseRegister.Nearby nearby = register.nearest(LAT, west, 500).orElseThrow();
		assertThat(nearby.enterprise().uscc()).isEqualTo(ACROSS);
		assertThat(nearby.distanceMetres()).isCloseTo(125, within(2.0));
	}

	@Test
	void findsNothingBeyondTheRadius() {
		double west = EDGE - 5 / METRES_PER_DEGREE_LON;
		assertThat(register.nearest(LAT, west, 100)).isEmpty();
		assertThat(register.nearest(LAT + 0.05, west, 500)).as("5.5 km north").isEmpty();
	}

	@Test
	void aLargerRadiusFindsTheNearestAmongMany() {
		double point = EDGE - 650 / METRES_PER_DEGREE_LON; // 50 m from OUTSIDE, 770 m from ACROSS
		assertThat(register.nearest(LAT, point, 2_000).orElseThrow().enterprise().uscc()).isEqualTo(OUTSIDE);
		assertThat(register.nearest(LAT, point, 10_000_000).orElseThrow().enterprise().uscc())
			.as("a radius larger than any cell searches everything")
			.isEqualTo(OUTSIDE);
	}

}
