declare module 'ml-isolation-forest' {
  /** The package's tree node; not exported at runtime, only read after training. */
  export interface TreeNode {
    /** Both children are set on a split node; values `< splitValue` went left. */
    readonly left?: TreeNode;
    readonly right?: TreeNode;
    readonly splitValue?: number;
    /** Set on leaves only: the rows that reached them. */
    readonly trainingSet?: number[][];
  }

  // predict() is deliberately not declared: its normaliser and tree height are not scikit-learn's.
  export class IsolationForest {
    constructor(options?: { nEstimators?: number });
    /** One root per estimator, appended by each train(). */
    readonly forest: TreeNode[];
    train(trainingSet: number[][]): void;
  }
}
