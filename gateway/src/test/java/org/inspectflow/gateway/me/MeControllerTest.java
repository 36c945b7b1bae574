package org.inspectflow.gateway.me;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MeControllerTest {

	@Test
	void writesChineseNamesFamilyNameFirstWithoutSpace() {
		assertThat(MeController.displayName("张", "伟", "伟 张")).isEqualTo("张伟");
		assertThat(MeController.displayName("欧阳", "娜娜", "娜娜 欧阳")).isEqualTo("欧阳娜娜");
	}

	@Test
	void keepsOtherNamesAsKeycloakWritesThem() {
		assertThat(MeController.displayName("Smith", "Anna", "Anna Smith")).isEqualTo("Anna Smith");
		assertThat(MeController.displayName(null, null, "service account")).isEqualTo("service account");
	}

}
