package org.inspectflow.enterprise.register.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GeohashTest {

	@Test
	void encodesAsTheReferenceImplementation() {
		assertThat(Geohash.encode(57.64911, 10.40744, 11)).isEqualTo("u4pruydqqvj");
		assertThat(Geohash.encode(22.521907, 114.058911, 6)).isEqualTo("ws1057");
	}

	@Test
	void picksTheFinestPrecisionWhoseCellIsAtLeastTheRadius() {
		// in Shenzhen a precision-6 cell is about 1.1 km wide and 0.6 km high
		assertThat(Geohash.precisionFor(22.5, 500)).isEqualTo(6);
		assertThat(Geohash.precisionFor(22.5, 700)).isEqualTo(5);
		assertThat(Geohash.precisionFor(22.5, 3)).isEqualTo(9);
		assertThat(Geohash.precisionFor(22.5, 10_000_000)).isZero();
		assertThat(Geohash.coveringCells(22.5, 114, 10_000_000)).as("search everything").isEmpty();
	}

	@Test
	void coversTheCellAndItsEightNeighbours() {
		List<String> cells = Geohash.coveringCells(22.521907, 114.058911, 500);
		assertThat(cells).hasSize(9).allSatisfy((cell) -> assertThat(cell).hasSize(6)).contains("ws1057");
	}

	@Test
	void coversAPointAcrossTheCellBoundary() {
		// a point just west of a cell's eastern edge, and one 100 m east of it, in the next cell
		double height = Geohash.cellHeightDegrees(6);
		double width = Geohash.cellWidthDegrees(6);
		double edge = (Math.floor((114.058911 + 180) / width) + 1) * width - 180;
		double lat = (Math.floor((22.521907 + 90) / height) + 0.5) * height - 90;
		double west = edge - 0.00001;
		double east = edge + 100 / (111_195 * Math.cos(Math.toRadians(lat)));
		String here = Geohash.encode(lat, west, 6);
		String there = Geohash.encode(lat, east, 6);
		assertThat(there).isNotEqualTo(here);
		assertThat(GeoDistance.metres(lat, west, lat, east)).isCloseTo(100, within(2.0));
		assertThat(Geohash.coveringCells(lat, west, 500)).contains(here, there);
	}

	@Test
	void wrapsAroundTheAntimeridian() {
		List<String> cells = Geohash.coveringCells(0.0001, 179.9999, 500);
		assertThat(cells).contains(Geohash.encode(0.0001, -179.9999, Geohash.precisionFor(0.0001, 500)));
	}

	@Test
	void measuresGreatCircleDistances() {
		// Futian to Nanshan demo sites, about 12.9 km apart
		assertThat(GeoDistance.metres(22.521907, 114.058911, 22.580310, 113.951820)).isBetween(12_000.0, 13_500.0);
		assertThat(GeoDistance.metres(0, 0, 0, 1)).isCloseTo(111_195, within(5.0));
	}

}
