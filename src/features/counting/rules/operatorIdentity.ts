/**
 * Operator identity (docs/domain.md#what-officers-type): an operator is its OTOP registration number when a row gives
 * one; the name (its key, within one district) decides only when a side has no number. So
 * `4303-0001 กลุ่มแม่บ้านเกษตรกร` and `4303-0002 กลุ่มแม่บ้านเกษตรกร` are two operators (group
 * names repeat from village to village), and a row `กลุ่มแม่บ้านเกษตรกร` without a number is
 * the numbered operator of that name in its district. The one rule behind the tally (every
 * figure) and the data check.
 *
 * A baseline row without a number whose name several numbered operators of its district carry
 * is one of them: the one the baseline also lists by number, else the lowest-numbered (so the
 * others stay new, and the data check asks for its number). An online row without a number
 * whose name several numbered operators carry is ambiguous: it may be any of them. It then adds no operator: it goes with the lowest-numbered
 * of them when they are all new or all in the baseline (which one it is then changes no
 * count), and counts for none when only some are in the baseline; the data check asks for
 * the number.
 */

/** What a row says of its operator. */
export interface OperatorKey {
  /** The registration number's key (regNoKey), '' when none. */
  readonly regNo: string;
  /** The district index, -1 when unknown. */
  readonly districtIndex: number;
  /** The name's key (nameKey), '' when none. */
  readonly nameKey: string;
}

/** Returned for a row that names no operator (neither a number nor a name in a known district). */
export const NO_OPERATOR = -1;
/** Returned for a row that may be several operators, some of them in the baseline: it does not count. */
export const UNDECIDED = -2;

/** The operators of a set of rows, once every row is added (OperatorIndex.resolve). */
export interface OperatorResolution {
  /**
   * The operator a node stands for (an operator is numbered by its first node), NO_OPERATOR for
   * -1, or UNDECIDED.
   * @param node a node from OperatorIndex.add
   */
  operatorOf(node: number): number;
  /**
   * The index (in the order given to resolve) of the first baseline row of an operator, -1 when
   * the operator is not in the baseline.
   * @param operator an operator from operatorOf
   */
  baselineRowOf(operator: number): number;
  /**
   * Whether a node is a row without a number whose name several numbered operators carry.
   * @param node a node from OperatorIndex.add
   */
  isAmbiguous(node: number): boolean;
  /** Nodes (operators included) are below this number: size typed arrays with it. */
  readonly size: number;
}

/**
 * Rows' operators, added one row at a time and resolved once all are in (a name's numbered
 * operators are known only then). No object per row: nodes are numbers.
 */
export class OperatorIndex {
  private readonly byNumber = new Map<string, number>();
  /** Per district index: name key → the node of the rows without a number. */
  private readonly byName: Map<string, number>[] = [];
  /** Per district index: name key → the numbered nodes carrying that name. */
  private readonly numbersNamed: Map<string, number[]>[] = [];
  /** Per node: its registration number's key, '' for a name node. */
  private readonly numberOfNode: string[] = [];
  /** Per node: [district, name key] of a name node, undefined for a numbered node. */
  private readonly nameOfNode: ([number, string] | undefined)[] = [];

  /**
   * Adds a row; returns its node, or NO_OPERATOR when it names no operator.
   * @param key what the row says of its operator
   */
  add(key: OperatorKey): number {
    const { regNo, districtIndex, nameKey } = key;
    if (regNo !== '') {
      let node = this.byNumber.get(regNo);
      if (node === undefined) {
        node = this.newNode_(regNo, undefined);
        this.byNumber.set(regNo, node);
      }
      if (nameKey !== '' && districtIndex >= 0) {
        const named = mapAt_(this.numbersNamed, districtIndex);
        const nodes = named.get(nameKey);
        if (nodes === undefined) named.set(nameKey, [node]);
        else if (!nodes.includes(node)) nodes.push(node);
      }
      return node;
    }
    if (nameKey === '' || districtIndex < 0) return NO_OPERATOR;
    const names = mapAt_(this.byName, districtIndex);
    let node = names.get(nameKey);
    if (node === undefined) {
      node = this.newNode_('', [districtIndex, nameKey]);
      names.set(nameKey, node);
    }
    return node;
  }

  /**
   * Resolves every node to its operator, given the baseline rows' nodes.
   * @param baselineNodes the nodes of the baseline rows, in row order
   */
  resolve(baselineNodes: ArrayLike<number>): OperatorResolution {
    const size = this.numberOfNode.length;
    const candidates = (node: number): readonly number[] => {
      const name = this.nameOfNode[node];
      return name === undefined ? [] : (this.numbersNamed[name[0]]?.get(name[1]) ?? []);
    };
    // In the baseline: a numbered node by its number; a name node by its name, which also puts
    // every numbered operator of that name there (the baseline side has no number).
    const baselineRow = new Int32Array(size).fill(-1);
    const mark = (node: number, row: number) => {
      if (baselineRow[node] < 0) baselineRow[node] = row;
    };
    // Rows by number first: a name-only row whose name several numbered operators carry is one
    // of them, the one the baseline lists by number if any, else taken as the lowest-numbered.
    for (let row = 0; row < baselineNodes.length; row++) {
      const node = baselineNodes[row];
      if (node >= 0 && this.nameOfNode[node] === undefined) mark(node, row);
    }
    for (let row = 0; row < baselineNodes.length; row++) {
      const node = baselineNodes[row];
      if (node < 0 || this.nameOfNode[node] === undefined) continue;
      mark(node, row);
      const named = candidates(node);
      if (named.length === 1) mark(named[0], row);
      else if (named.length > 1 && !named.some((c) => baselineRow[c] >= 0)) mark(this.lowestNumber_(named), row);
    }
    const operator = new Int32Array(size);
    const ambiguous = new Uint8Array(size);
    for (let node = 0; node < size; node++) {
      const named = candidates(node);
      if (named.length === 0) operator[node] = node;
      else if (named.length === 1) operator[node] = named[0];
      else {
        ambiguous[node] = 1;
        const old = named.filter((c) => baselineRow[c] >= 0).length;
        // All new or all in the baseline: which one it is changes no count.
        operator[node] = old === 0 || old === named.length ? this.lowestNumber_(named) : UNDECIDED;
      }
    }
    return {
      size,
      operatorOf: (node) => (node < 0 ? NO_OPERATOR : operator[node]),
      baselineRowOf: (op) => (op < 0 ? -1 : baselineRow[op]),
      isAmbiguous: (node) => node >= 0 && ambiguous[node] === 1,
    };
  }

  private newNode_(regNo: string, name: [number, string] | undefined): number {
    this.numberOfNode.push(regNo);
    this.nameOfNode.push(name);
    return this.numberOfNode.length - 1;
  }

  /** The node with the lowest registration number (a choice that ignores row order). */
  private lowestNumber_(nodes: readonly number[]): number {
    return nodes.reduce((a, b) => (this.numberOfNode[b] < this.numberOfNode[a] ? b : a));
  }
}

/** The map of an index in a sparse array of maps, made on first use. */
function mapAt_<V>(maps: Map<string, V>[], index: number): Map<string, V> {
  let map = maps[index];
  if (map === undefined) {
    map = new Map();
    maps[index] = map;
  }
  return map;
}
