using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopKernel.Samples.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "shopkernel_carts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    token = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    currency = table.Column<string>(type: "TEXT", unicode: false, fixedLength: true, maxLength: 3, nullable: false),
                    lines = table.Column<string>(type: "TEXT", nullable: false),
                    line_count = table.Column<int>(type: "INTEGER", nullable: false),
                    total_quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    subtotal = table.Column<long>(type: "INTEGER", nullable: false),
                    next_line_id = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopkernel_carts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "shopkernel_consent_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    topic = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    wording_version = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    box_started_unticked = table.Column<bool>(type: "INTEGER", nullable: false),
                    ip_address = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    user_agent = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopkernel_consent_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "shopkernel_customers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    email_key = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    email_verified = table.Column<bool>(type: "INTEGER", nullable: false),
                    phone = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: true),
                    phone_verified = table.Column<bool>(type: "INTEGER", nullable: false),
                    first_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    birthday = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    birthday_month_day = table.Column<int>(type: "INTEGER", nullable: true),
                    external_subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    password_hash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: true),
                    failed_sign_ins = table.Column<int>(type: "INTEGER", nullable: false),
                    locked_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    addresses = table.Column<string>(type: "TEXT", nullable: false),
                    security_stamp = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopkernel_customers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "shopkernel_delivery_outcomes",
                columns: table => new
                {
                    order_number = table.Column<long>(type: "INTEGER", nullable: false),
                    key_hash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 43, nullable: false),
                    outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    settled = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopkernel_delivery_outcomes", x => new { x.order_number, x.key_hash });
                });

            migrationBuilder.CreateTable(
                name: "shopkernel_node_leases",
                columns: table => new
                {
                    node_id = table.Column<int>(type: "INTEGER", nullable: false),
                    instance_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    acquired_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopkernel_node_leases", x => x.node_id);
                });

            migrationBuilder.CreateTable(
                name: "shopkernel_orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<long>(type: "INTEGER", nullable: false),
                    cart_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    cart_token = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", unicode: false, fixedLength: true, maxLength: 3, nullable: false),
                    subtotal = table.Column<long>(type: "INTEGER", nullable: false),
                    discount = table.Column<long>(type: "INTEGER", nullable: false),
                    total = table.Column<long>(type: "INTEGER", nullable: false),
                    payment_method = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    email_key = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    first_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    shipping_address = table.Column<string>(type: "TEXT", nullable: false),
                    lines = table.Column<string>(type: "TEXT", nullable: false),
                    adjustments = table.Column<string>(type: "TEXT", nullable: false),
                    history = table.Column<string>(type: "TEXT", nullable: false),
                    placed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopkernel_orders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "shopkernel_promotion_redemptions",
                columns: table => new
                {
                    promotion_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    subject_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    period_key = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    redeemed_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopkernel_promotion_redemptions", x => new { x.promotion_id, x.subject_key, x.period_key });
                });

            migrationBuilder.CreateTable(
                name: "shopkernel_promotion_usage",
                columns: table => new
                {
                    promotion_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    used = table.Column<int>(type: "INTEGER", nullable: false),
                    usage_limit = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopkernel_promotion_usage", x => x.promotion_id);
                });

            migrationBuilder.CreateTable(
                name: "shopkernel_promotions",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    priority = table.Column<int>(type: "INTEGER", nullable: false),
                    stacking = table.Column<int>(type: "INTEGER", nullable: false),
                    best_of_group = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    starts_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ends_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    coupon_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    currency = table.Column<string>(type: "TEXT", unicode: false, fixedLength: true, maxLength: 3, nullable: true),
                    parameters = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopkernel_promotions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "shopkernel_purchase_facts",
                columns: table => new
                {
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    currency = table.Column<string>(type: "TEXT", unicode: false, fixedLength: true, maxLength: 3, nullable: false),
                    order_count = table.Column<int>(type: "INTEGER", nullable: false),
                    lifetime_spend = table.Column<long>(type: "INTEGER", nullable: false),
                    first_order_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_order_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopkernel_purchase_facts", x => new { x.customer_id, x.currency });
                });

            migrationBuilder.CreateTable(
                name: "shopkernel_stock",
                columns: table => new
                {
                    sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    available = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopkernel_stock", x => x.sku);
                    table.CheckConstraint("ck_shopkernel_stock_available", "available >= 0");
                });

            migrationBuilder.CreateTable(
                name: "shopkernel_stop_list_audit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    entry_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    action = table.Column<int>(type: "INTEGER", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    scope = table.Column<int>(type: "INTEGER", nullable: false),
                    reason = table.Column<int>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopkernel_stop_list_audit", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "shopkernel_stop_list_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    scope = table.Column<int>(type: "INTEGER", nullable: false),
                    reason = table.Column<int>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    orders = table.Column<string>(type: "TEXT", unicode: false, nullable: true),
                    added_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    added_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    changed_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    changed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopkernel_stop_list_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "shopkernel_subscription_sends",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    topic = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopkernel_subscription_sends", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "shopkernel_subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    topic = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    state = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    last_event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    changed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    pending_expires_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    guest_contact = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    send_serial = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopkernel_subscriptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "shopkernel_stop_list_keys",
                columns: table => new
                {
                    entry_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key_hash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 43, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    hint = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    hash_key_id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopkernel_stop_list_keys", x => new { x.entry_id, x.key_hash });
                    table.ForeignKey(
                        name: "fk_shopkernel_stop_list_keys_entry_id",
                        column: x => x.entry_id,
                        principalTable: "shopkernel_stop_list_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_carts_customer_id",
                table: "shopkernel_carts",
                column: "customer_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_carts_expires_at",
                table: "shopkernel_carts",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_carts_token",
                table: "shopkernel_carts",
                column: "token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_carts_updated_at_token",
                table: "shopkernel_carts",
                columns: new[] { "updated_at", "token" });

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_consent_events_subject_topic_sequence",
                table: "shopkernel_consent_events",
                columns: new[] { "subject", "topic", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_customers_birthday_month_day",
                table: "shopkernel_customers",
                column: "birthday_month_day");

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_customers_created_at",
                table: "shopkernel_customers",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_customers_email_key",
                table: "shopkernel_customers",
                column: "email_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_customers_external_subject",
                table: "shopkernel_customers",
                column: "external_subject",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_customers_phone",
                table: "shopkernel_customers",
                column: "phone",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_delivery_outcomes_key_hash_recorded_at",
                table: "shopkernel_delivery_outcomes",
                columns: new[] { "key_hash", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_orders_cart_id",
                table: "shopkernel_orders",
                column: "cart_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_orders_cart_token",
                table: "shopkernel_orders",
                column: "cart_token");

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_orders_customer_id_number",
                table: "shopkernel_orders",
                columns: new[] { "customer_id", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_orders_email_key",
                table: "shopkernel_orders",
                column: "email_key");

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_orders_idempotency_key",
                table: "shopkernel_orders",
                column: "idempotency_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_orders_number",
                table: "shopkernel_orders",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_orders_phone",
                table: "shopkernel_orders",
                column: "phone");

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_orders_placed_at_number",
                table: "shopkernel_orders",
                columns: new[] { "placed_at", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_orders_status_number",
                table: "shopkernel_orders",
                columns: new[] { "status", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_promotion_redemptions_subject_key",
                table: "shopkernel_promotion_redemptions",
                column: "subject_key");

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_promotions_coupon_code",
                table: "shopkernel_promotions",
                column: "coupon_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_promotions_is_active",
                table: "shopkernel_promotions",
                column: "is_active");

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_stop_list_audit_entry_id_version",
                table: "shopkernel_stop_list_audit",
                columns: new[] { "entry_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_stop_list_entries_scope_id",
                table: "shopkernel_stop_list_entries",
                columns: new[] { "scope", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_stop_list_keys_key_hash",
                table: "shopkernel_stop_list_keys",
                column: "key_hash");

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_subscription_sends_subject_sent_at",
                table: "shopkernel_subscription_sends",
                columns: new[] { "subject", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_subscriptions_subject_topic",
                table: "shopkernel_subscriptions",
                columns: new[] { "subject", "topic" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_subscriptions_topic_state_subject",
                table: "shopkernel_subscriptions",
                columns: new[] { "topic", "state", "subject" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "shopkernel_carts");

            migrationBuilder.DropTable(
                name: "shopkernel_consent_events");

            migrationBuilder.DropTable(
                name: "shopkernel_customers");

            migrationBuilder.DropTable(
                name: "shopkernel_delivery_outcomes");

            migrationBuilder.DropTable(
                name: "shopkernel_node_leases");

            migrationBuilder.DropTable(
                name: "shopkernel_orders");

            migrationBuilder.DropTable(
                name: "shopkernel_promotion_redemptions");

            migrationBuilder.DropTable(
                name: "shopkernel_promotion_usage");

            migrationBuilder.DropTable(
                name: "shopkernel_promotions");

            migrationBuilder.DropTable(
                name: "shopkernel_purchase_facts");

            migrationBuilder.DropTable(
                name: "shopkernel_stock");

            migrationBuilder.DropTable(
                name: "shopkernel_stop_list_audit");

            migrationBuilder.DropTable(
                name: "shopkernel_stop_list_keys");

            migrationBuilder.DropTable(
                name: "shopkernel_subscription_sends");

            migrationBuilder.DropTable(
                name: "shopkernel_subscriptions");

            migrationBuilder.DropTable(
                name: "shopkernel_stop_list_entries");
        }
    }
}
