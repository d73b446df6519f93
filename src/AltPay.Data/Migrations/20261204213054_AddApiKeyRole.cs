using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AltPay.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddApiKeyRole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "ApiKeys",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Admin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Role",
                table: "ApiKeys");
        }
    }
}
