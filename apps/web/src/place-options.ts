import { computed, onMounted, Ref, ref } from 'vue';
import { RegionTree } from './api/types';
import { loadRegions } from './reference';

/** Township and village choices for a form that picks a place (a gig's, a worker's). */
export function usePlaceOptions(townshipCode: () => string) {
  const regions: Ref<RegionTree | undefined> = ref();
  const townships = computed(() =>
    (regions.value?.townships ?? []).map((t) => ({ value: t.code, text: t.name })),
  );
  const villages = computed(() => [
    { value: '', text: '不指定村' },
    ...(regions.value?.townships.find((t) => t.code === townshipCode())?.villages ?? []).map(
      (v) => ({ value: v.code, text: v.name }),
    ),
  ]);
  onMounted(async () => {
    regions.value = await loadRegions();
  });
  return { regions, townships, villages };
}
