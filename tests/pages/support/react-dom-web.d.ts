declare const dom: object
export = dom
