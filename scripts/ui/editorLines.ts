/**
 * Where n8n's editor differs between its 1.x and 2.x lines, for what editor.ts does: the one place
 * that knows about versions. Everything else in editor.ts is the same on both lines (search,
 * the panels' parameters and options, the resource mapper's modes and fields, the canvas, the output tabs, the error view): when a new
 * n8n moves something, it gets a field here, with the values each line needs, instead of an
 * `if (version …)` in a flow.
 *
 * Seen on n8n 1.123.50 and 2.40.7 (npm run test:ui -- --n8n-version ...).
 */

export interface EditorLine {
	/** n8n's major version this line covers. */
	major: number;
	/** The test id of the button in the node panel's header that closes it, back to the canvas. */
	closePanelButton: string;
	/**
	 * The workflow menu's items, by test id, to click in turn to reach "import from file":
	 * 1.x has "Import from File..." in the menu itself; 2.x has "Import", a submenu that opens on
	 * hover, with "From file" in it.
	 */
	importFromFileMenu: string[];
	/**
	 * After Save in a new credential's dialog opened from a node's panel, when the credential's
	 * test passes: 1.x keeps the dialog open with "Connection tested successfully"; 2.x closes it
	 * and selects the credential, and the result shows when the dialog is opened again with the
	 * pencil beside the credential (test id `credential-edit-button`), which tests it again.
	 */
	credentialDialogClosesAfterSuccess: boolean;
	/**
	 * The element that shows a tooltip's text, e.g. a parameter's description beside its label:
	 * 1.x's is a popper with role "tooltip"; 2.x's popper has a test id instead, and its role
	 * "tooltip" sits on an empty element for screen readers.
	 */
	tooltip: string;
	/**
	 * In a resource mapper's field-by-field list, the element of a field whose tooltip says the
	 * field is mandatory: 1.x shows a (?) where other fields have their remove button, left of the
	 * field; 2.x puts the same words in the field's description, the (?) beside its label, which
	 * shows while the pointer is over the label.
	 */
	mapperMandatoryMark: string;
	/**
	 * What a resource mapper's "Add field to send" opens, and its entries: 1.x's is a select's
	 * dropdown; 2.x's a menu, which Escape closes together with the node's panel (editor.ts closes
	 * it with a click beside it, which both lines take as "close").
	 */
	mapperAddFieldList: { list: string; item: string };
}

const LINES: EditorLine[] = [
	{
		major: 1,
		closePanelButton: 'back-to-canvas',
		importFromFileMenu: ['workflow-menu-item-import-from-file'],
		credentialDialogClosesAfterSuccess: false,
		tooltip: '[role="tooltip"]',
		mapperMandatoryMark: '.delete-option svg[data-icon="circle-help"]',
		mapperAddFieldList: { list: '.el-select-dropdown:visible', item: 'li:visible' },
	},
	{
		major: 2,
		closePanelButton: 'ndv-close-button',
		importFromFileMenu: ['workflow-menu-item-import', 'workflow-menu-item-import-from-file'],
		credentialDialogClosesAfterSuccess: true,
		tooltip: '[data-test-id="tooltip-content"]',
		mapperMandatoryMark: 'label svg[data-icon="circle-help"]',
		mapperAddFieldList: { list: '[role="menu"]:visible', item: '[role="menuitem"]' },
	},
];

/** The line of an n8n version ("1.123.50", "2.40.7"); a newer major than any known gets the newest line's ways. */
export function editorLine(n8nVersion: string): EditorLine {
	const major = Number.parseInt(n8nVersion, 10);
	if (!Number.isInteger(major)) throw new Error(`not an n8n version: "${n8nVersion}"`);
	const known = LINES.filter((line) => line.major <= major);
	if (known.length === 0) throw new Error(`n8n ${n8nVersion}: editor.ts knows n8n's editor from 1.x on`);
	return known[known.length - 1];
}
