using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AltPay.Data.Migrations
{
    /// <inheritdoc />
    public partial class DropInvoicePartnerCustomerIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Invoices_PartnerId_CustomerId",
                table: "Invoices");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Invoices_PartnerId_CustomerId",
                table: "Invoices",
                columns: new[] { "PartnerId", "CustomerId" });
        }
    }
}
