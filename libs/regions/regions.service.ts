import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, invalid } from '@jipin/core';
import { loadRegionTree, Place, RegionTree, Township } from './region-tree';

/** The county's townships and villages, loaded from the configured data file. */
@Injectable()
export class RegionsService {
  readonly tree: RegionTree;
  private readonly townships = new Map<string, Township>();
  private readonly villages = new Map<string, { village: Place; township: Township }>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.tree = loadRegionTree(config.regionsFile);
    for (const township of this.tree.townships) {
      this.townships.set(township.code, township);
      for (const village of township.villages)
        this.villages.set(village.code, { village, township });
    }
  }

  township(code: string): Township | undefined {
    return this.townships.get(code);
  }

  townshipName(code: string | null | undefined): string | undefined {
    return code ? this.townships.get(code)?.name : undefined;
  }

  allTownships(): Township[] {
    return this.tree.townships;
  }

  /** Throws a clear 400 unless the code names a township of this county. */
  assertTownship(code: string, field = 'townshipCode'): Township {
    const township = this.townships.get(code);
    if (!township)
      throw invalid('unknown_township', `乡镇代码 ${code} 不属于${this.tree.county.name}`, [
        { field, message: '请选择本县的乡镇（街道）' },
      ]);
    return township;
  }

  /** Throws unless the village belongs to the given township. */
  assertVillage(code: string, townshipCode: string, field = 'villageCode'): Place {
    const found = this.villages.get(code);
    if (!found || found.township.code !== townshipCode) {
      throw invalid('unknown_village', `村（社区）代码 ${code} 不属于所选乡镇`, [
        { field, message: '请选择所选乡镇下的村（社区）' },
      ]);
    }
    return found.village;
  }
}
